package dev.klingbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.klingbot.core.workflow.MediaSource;
import java.time.Instant;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.Test;

class AttachmentSourcesTest {
  private static final String SIGNED =
      "https://cdn.discordapp.com/attachments/1/2/clip.mp4?ex=67a1b2c3&is=67a06143&hm=abc123&";

  @Test
  void theExpiryIsReadFromTheExParameterAsHexUnixSeconds() {
    MediaSource.Url source = AttachmentSources.of(SIGNED, "clip.mp4");

    assertThat(source.url()).isEqualTo(SIGNED);
    assertThat(source.fileName()).isEqualTo("clip.mp4");
    assertThat(source.expiresAt()).isEqualTo(Instant.ofEpochSecond(0x67a1b2c3L));
  }

  @Test
  void linksWithoutAValidExpiryHaveNone() {
    assertThat(AttachmentSources.expiresAt("https://example.com/clip.mp4")).isNull();
    assertThat(AttachmentSources.expiresAt("https://example.com/clip.mp4?ex=zz")).isNull();
    assertThat(AttachmentSources.expiresAt("https://example.com/clip.mp4?hex=12&x=1")).isNull();
    assertThat(AttachmentSources.expiresAt("not a url at all")).isNull();
  }

  @Test
  void slashCommandAttachmentsBecomeSourcesWithTheirExpiry() {
    SlashCommandInteractionEvent event =
        DiscordMocks.slash(
            DiscordMocks.ALICE,
            DiscordMocks.channel(DiscordMocks.CHANNEL),
            new DiscordMocks.Answers(),
            "kling",
            null,
            "edit",
            Map.of(
                "video",
                DiscordMocks.attachment(SIGNED, "clip.mp4"),
                "instruction",
                "remove the ball",
                "frame",
                3));

    SlashCommand command = DiscordListener.read(event);

    assertThat(command.subcommand()).isEqualTo("edit");
    assertThat(command.option("instruction")).isEqualTo("remove the ball");
    assertThat(command.intOption("frame")).isEqualTo(3);
    assertThat(command.attachments().get("video").expiresAt())
        .isEqualTo(Instant.ofEpochSecond(0x67a1b2c3L));
  }

  @Test
  void aJdaAttachmentKeepsItsFileName() {
    net.dv8tion.jda.api.entities.Message.Attachment attachment =
        mock(net.dv8tion.jda.api.entities.Message.Attachment.class);
    when(attachment.getUrl()).thenReturn(SIGNED);
    when(attachment.getFileName()).thenReturn("holiday.mov");

    assertThat(AttachmentSources.of(attachment).displayName()).isEqualTo("holiday.mov");
  }
}
