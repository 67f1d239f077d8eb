package dev.klingbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatAction.Kind;
import dev.klingbot.core.chat.ChatAction.Style;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageRendererTest {
  private final MessageRenderer renderer = new MessageRenderer();

  @TempDir Path dir;

  private static List<ChatAction> planActions(String id, String editorUrl) {
    return List.of(
        ChatAction.link(Kind.OPEN_EDITOR, id, "Select on the video", editorUrl),
        ChatAction.button(Kind.SELECT_AREA, id, "Select area", Style.SECONDARY),
        ChatAction.button(Kind.PREVIEW, id, "Preview", Style.SECONDARY),
        ChatAction.button(Kind.SUBMIT, id, "Submit", Style.SUCCESS),
        ChatAction.button(Kind.CANCEL, id, "Cancel", Style.DANGER),
        ChatAction.button(Kind.EDIT_PROMPT, id, "Edit prompt", Style.SECONDARY),
        ChatAction.button(Kind.CONFORM, id, "Conform", Style.PRIMARY));
  }

  @Test
  void buttonsComeInRowsOfFiveWithTheirStylesAndTheEditorAsALinkButton() {
    ChatMessage message =
        ChatMessage.text("plan").withActions(planActions("K7Q2MX4A", "https://bot.example/e/K7"));

    Posted posted = Posted.of(single(renderer.create(message)));

    assertThat(posted.rows()).extracting(List::size).containsExactly(5, 2);
    Button editor = posted.buttons().get(0);
    assertThat(editor.getStyle()).isEqualTo(ButtonStyle.LINK);
    assertThat(editor.getLabel()).isEqualTo("Select on the video");
    assertThat(editor.getUrl()).isEqualTo("https://bot.example/e/K7");
    assertThat(posted.buttons())
        .extracting(Button::getCustomId)
        .containsExactly(
            null,
            "select-area:K7Q2MX4A",
            "preview:K7Q2MX4A",
            "submit:K7Q2MX4A",
            "cancel:K7Q2MX4A",
            "edit-prompt:K7Q2MX4A",
            "conform:K7Q2MX4A");
    assertThat(posted.buttons())
        .extracting(Button::getStyle)
        .containsExactly(
            ButtonStyle.LINK,
            ButtonStyle.SECONDARY,
            ButtonStyle.SECONDARY,
            ButtonStyle.SUCCESS,
            ButtonStyle.DANGER,
            ButtonStyle.SECONDARY,
            ButtonStyle.PRIMARY);
  }

  @Test
  void aLinkTooLongForAButtonIsWrittenIntoTheTextAndDuplicateButtonsAreDropped() {
    String longUrl = "https://example.com/" + "a".repeat(600);
    ChatMessage message =
        ChatMessage.text("result")
            .withActions(
                List.of(
                    ChatAction.link(Kind.OPEN_LINK, "K7", "Open video", longUrl),
                    ChatAction.button(Kind.SUBMIT, "K7", "Submit", Style.SUCCESS),
                    ChatAction.button(Kind.SUBMIT, "K7", "Submit", Style.SUCCESS)));

    Posted posted = Posted.of(single(renderer.create(message)));

    assertThat(posted.content()).isEqualTo("result\n🔗 Open video: " + longUrl);
    assertThat(posted.buttonLabels()).containsExactly("Submit");
  }

  @Test
  void aMentionedUserIsPutInFrontAndIsTheOnlyOneWhoIsPinged() {
    ChatMessage message =
        ChatMessage.text("✅ Your edit is ready. cc <@999> @everyone").mentioning("42");

    MessageCreateData data = single(renderer.create(message));

    assertThat(data.getContent()).startsWith("<@42> ✅ Your edit is ready.");
    assertThat(data.getMentionedUsers()).containsExactly("42");
    assertThat(data.getAllowedMentions()).isEmpty();

    MessageCreateData plain = single(renderer.create(ChatMessage.text("<@999> hi")));
    assertThat(plain.getMentionedUsers()).isEmpty();
    assertThat(plain.getAllowedMentions()).isEmpty();
  }

  @Test
  void filesAreUploadedWithTheirNamesAndDescriptionsAndMissingOnesAreSkipped() throws Exception {
    Path frame = Files.write(dir.resolve("mask.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    ChatMessage message =
        ChatMessage.text("🎯 Marked C4")
            .withFile(new ChatFile(frame, "selection-frame-0.png", "Frame 0 with the selection"))
            .withFile(new ChatFile(dir.resolve("gone.png"), "gone.png", null));

    MessageCreateData data = single(renderer.create(message));

    assertThat(data.getFiles())
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.getName()).isEqualTo("selection-frame-0.png");
              assertThat(file.getDescription()).isEqualTo("Frame 0 with the selection");
            });
    assertThat(Posted.of(data).fileData().get(0)).containsExactly(0x89, 'P', 'N', 'G');
  }

  @Test
  void textOverTwoThousandCharactersIsSplitWithFilesAndButtonsOnTheLastMessage() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      text.append("- `EDIT").append(i).append("` · done · Remove “the ball” · 2 h ago\n");
    }
    Path file = Files.write(dir.resolve("chart.png"), new byte[] {1, 2, 3});
    ChatMessage message =
        ChatMessage.text(text.toString())
            .mentioning("42")
            .withFile(new ChatFile(file, "chart.png", "chart"))
            .withActions(List.of(ChatAction.button(Kind.SUBMIT, "K7", "Submit", Style.SUCCESS)));

    List<Posted> parts = renderer.create(message).stream().map(Posted::of).toList();

    assertThat(parts).hasSizeGreaterThan(2);
    assertThat(parts).allSatisfy(p -> assertThat(p.content()).hasSizeLessThanOrEqualTo(2000));
    assertThat(parts.get(0).content()).startsWith("<@42> - `EDIT0`");
    assertThat(parts.subList(1, parts.size()))
        .allSatisfy(p -> assertThat(p.content()).doesNotContain("<@42>"));
    assertThat(parts.subList(0, parts.size() - 1))
        .allSatisfy(
            p -> {
              assertThat(p.fileNames()).isEmpty();
              assertThat(p.rows()).isEmpty();
            });
    Posted last = parts.get(parts.size() - 1);
    assertThat(last.fileNames()).containsExactly("chart.png");
    assertThat(last.buttonLabels()).containsExactly("Submit");
    assertThat(String.join("\n", parts.stream().map(Posted::content).toList()))
        .contains("`EDIT119`");
  }

  @Test
  void moreThanTenFilesGoInSeveralMessages() throws Exception {
    ChatMessage message = ChatMessage.text("Selection on 12 frames");
    for (int i = 0; i < 12; i++) {
      Path file = Files.write(dir.resolve("f" + i + ".png"), new byte[] {(byte) i});
      message = message.withFile(new ChatFile(file, "frame-" + i + ".png", null));
    }
    message =
        message.withActions(
            List.of(ChatAction.button(Kind.PREVIEW, "K7", "Preview", Style.SECONDARY)));

    List<Posted> parts = renderer.create(message).stream().map(Posted::of).toList();

    assertThat(parts).extracting(p -> p.fileNames().size()).containsExactly(10, 2);
    assertThat(parts.get(0).content()).isEqualTo("Selection on 12 frames");
    assertThat(parts.get(0).rows()).isEmpty();
    assertThat(parts.get(1).buttonLabels()).containsExactly("Preview");
  }

  @Test
  void anEditReplacesTextAndButtonsAndIsClippedToTheLimit() {
    MessageEditData edit = renderer.edit(ChatMessage.text("⚙️ **Processing** " + "x".repeat(2500)));

    assertThat(edit.getContent()).hasSize(Message.MAX_CONTENT_LENGTH).endsWith("…");
    assertThat(edit.getComponents()).isEmpty();
    assertThat(edit.getFiles()).isEmpty();

    MessageEditData withButtons =
        renderer.edit(
            ChatMessage.text("✅ **Done**")
                .withActions(
                    List.of(
                        ChatAction.link(
                            Kind.OPEN_LINK, "K7", "Open video", "https://v.example/1"))));
    assertThat(Posted.of(withButtons).buttonLabels()).containsExactly("Open video");
  }

  @Test
  void anEmptyMessageStillHasSomethingToShow() {
    assertThat(single(renderer.create(ChatMessage.text(""))).getContent()).isEqualTo("…");
  }

  private static MessageCreateData single(List<MessageCreateData> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }
}
