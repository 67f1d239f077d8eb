package dev.klingbot.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** What a user sees of one sent message: text, files (with their bytes), buttons, pings. */
record Posted(
    String content,
    List<String> fileNames,
    List<byte[]> fileData,
    List<List<Button>> rows,
    Set<String> mentionedUsers) {

  static Posted of(MessageCreateData data) {
    List<String> names = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    for (FileUpload file : data.getFiles()) {
      names.add(file.getName());
      try (InputStream in = file.getData()) {
        bytes.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Posted(
        data.getContent(), names, bytes, rows(data.getComponents()), data.getMentionedUsers());
  }

  static Posted of(MessageEditData data) {
    return new Posted(
        data.getContent(),
        List.of(),
        List.of(),
        rows(data.getComponents()),
        data.getMentionedUsers());
  }

  private static List<List<Button>> rows(List<MessageTopLevelComponentUnion> components) {
    return components.stream().map(row -> row.asActionRow().getButtons()).toList();
  }

  List<Button> buttons() {
    return rows.stream().flatMap(List::stream).toList();
  }

  List<String> buttonLabels() {
    return buttons().stream().map(Button::getLabel).toList();
  }
}
