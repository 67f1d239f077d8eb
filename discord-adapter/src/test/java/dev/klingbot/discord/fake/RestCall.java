package dev.klingbot.discord.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * One REST request as Discord received it: method, path below {@code /api/v10/}, the query, the
 * JSON body (for a multipart upload: its {@code payload_json} part), and the uploaded files by file
 * name. {@code status} is what the fake Discord answered; {@code userAgent} tells which bot process
 * sent it (JDA's User-Agent with the process's suffix, when it sets one).
 */
public record RestCall(
    String method,
    String path,
    Map<String, String> query,
    DataObject json,
    Map<String, byte[]> files,
    int status,
    String userAgent) {

  public RestCall {
    query = Map.copyOf(query);
    files = Map.copyOf(files);
  }

  /** {@code "POST channels/123/messages"}. */
  public String route() {
    return method + " " + path;
  }

  /** The message text of a message post, edit or followup ({@code ""} when there is none). */
  public String content() {
    return json == null || json.isNull("content") ? "" : json.getString("content", "");
  }

  /** The labels of the buttons in the message's action rows. */
  public List<String> buttonLabels() {
    if (json == null || !json.hasKey("components")) {
      return List.of();
    }
    ArrayList<String> labels = new ArrayList<>();
    DataArray rows = json.getArray("components");
    for (int i = 0; i < rows.length(); i++) {
      DataArray row = rows.getObject(i).optArray("components").orElse(DataArray.empty());
      for (int j = 0; j < row.length(); j++) {
        DataObject component = row.getObject(j);
        if (component.hasKey("label")) {
          labels.add(component.getString("label"));
        }
      }
    }
    return labels;
  }

  /** The users this message may ping ({@code allowed_mentions.users}). */
  public List<String> allowedUserMentions() {
    if (json == null || !json.hasKey("allowed_mentions")) {
      return List.of();
    }
    DataArray users =
        json.getObject("allowed_mentions").optArray("users").orElse(DataArray.empty());
    ArrayList<String> ids = new ArrayList<>();
    for (int i = 0; i < users.length(); i++) {
      ids.add(users.getString(i));
    }
    return ids;
  }

  /** The interaction callback type ({@code 5} deferred reply, {@code 6} deferred update...). */
  public int callbackType() {
    return json == null ? -1 : json.getInt("type", -1);
  }

  /** The message flags of a callback or followup ({@code 64} is ephemeral). */
  public int flags() {
    if (json == null) {
      return 0;
    }
    if (json.hasKey("data") && !json.isNull("data")) {
      return json.getObject("data").getInt("flags", 0);
    }
    return json.getInt("flags", 0);
  }

  @Override
  public String toString() {
    return status + " " + route() + (json == null ? "" : " " + json) + " files=" + files.keySet();
  }
}
