package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.testing.PhoneVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameRotationCommandTest {
  @TempDir Path dir;

  @Test
  void aPortraitPhoneVideosFrameIsWrittenUprightLikeConformWritesIt() throws Exception {
    Path plain = dir.resolve("frame.png");

    CommandRun run =
        CommandRun.of(
            new FrameCommand(),
            PhoneVideos.write(dir.resolve("phone.mp4"), 60).toString(),
            "--index",
            "5",
            "--out",
            plain.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    PhoneVideos.assertUpright(ImageIO.read(plain.toFile()));
  }

  @Test
  void writtenFilesGetThePermissionsTheUmaskAllowsNotOwnerOnly() throws Exception {
    Set<PosixFilePermission> usual =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("made-by-hand.txt")));
    Path plain = dir.resolve("plain.png");
    Path conformed = dir.resolve("conformed.mp4");

    CommandRun frame =
        CommandRun.of(new FrameCommand(), CliClips.valid().toString(), "--out", plain.toString());
    CommandRun conform =
        CommandRun.of(new ConformCommand(), CliClips.fixable().toString(), conformed.toString());

    assertThat(frame.exitCode()).isZero();
    assertThat(conform.exitCode()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)))
        .isEqualTo(PosixFilePermissions.toString(usual));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conformed)))
        .isEqualTo(PosixFilePermissions.toString(usual));
  }
}
