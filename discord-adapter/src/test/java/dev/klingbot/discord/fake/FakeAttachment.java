package dev.klingbot.discord.fake;

import net.dv8tion.jda.api.utils.data.DataObject;

/** A file a member attached to a slash command option; {@code url} is where the bot fetches it. */
public record FakeAttachment(String fileName, String url, long size, String contentType) {

  /** The attachment as it appears in the interaction's {@code resolved.attachments}. */
  DataObject json(String id, String channelId) {
    return DataObject.empty()
        .put("id", id)
        .put("filename", fileName)
        .put("size", size)
        .put("url", url)
        .put("proxy_url", url)
        .put("content_type", contentType)
        .put("ephemeral", true);
  }
}
