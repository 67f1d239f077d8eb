package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kling's rules for reference images, read from headers, and the fixed copies. */
class ReferenceImagesTest {
  @TempDir Path dir;

  private final ReferenceImages images = new ReferenceImages();

  @Test
  void aHugePictureIsRefusedFromItsHeaderWithoutDecodingIt() throws Exception {
    // issue 12: a 1.1 MB PNG of 20000×20000 pixels took 2.45 GB to decode
    Path huge = TestPictures.blackPng(dir.resolve("huge.png"), 20_000, 20_000);
    assertThat(Files.size(huge)).isLessThan(2L << 20);

    assertThat(ImageHeader.read(huge)).isEqualTo(new ImageHeader("png", 20_000, 20_000));
    assertThatThrownBy(() -> images.prepare(huge))
        .isInstanceOf(MediaException.class)
        .hasMessage(
            "is 20000×20000 pixels (400 megapixels), far beyond what Kling needs for a reference"
                + " picture; attach one of at most 16384 pixels a side and 100 megapixels (a few"
                + " thousand pixels a side is plenty).");
    assertThat(dir.toFile().list()).containsExactly("huge.png");
  }

  @Test
  void tooManyMegapixelsAreRefusedEvenWhenEachSideIsAllowed() throws Exception {
    Path wide = TestPictures.blackPng(dir.resolve("wide.png"), 16_000, 7_000);

    assertThatThrownBy(() -> images.prepare(wide))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("112 megapixels");
  }

  @Test
  void aLargePictureIsDecodedScaledDownForItsFix() throws Exception {
    Path banner = TestPictures.blackPng(dir.resolve("banner.png"), 12_000, 1_000);

    ReferenceImages.Prepared prepared = images.prepare(banner);

    BufferedImage sent = ImageIO.read(prepared.file().toFile());
    assertThat(Math.max(sent.getWidth(), sent.getHeight()))
        .isLessThanOrEqualTo(ReferenceImages.WORK_SIDE);
    assertThat((double) sent.getWidth() / sent.getHeight()).isLessThanOrEqualTo(2.5);
    assertThat(prepared.changes())
        .anySatisfy(change -> assertThat(change).startsWith("scaled down to 4000×334"))
        .anySatisfy(change -> assertThat(change).startsWith("padded 12000×1000"));
  }

  @Test
  void aPictureThatMeetsEveryRuleIsSentAsItIs() throws Exception {
    Path photo = TestPictures.picture(dir.resolve("photo.jpg"), "jpeg", 800, 600);

    ReferenceImages.Prepared prepared = images.prepare(photo);

    assertThat(prepared.file()).isEqualTo(photo);
    assertThat(prepared.changed()).isFalse();
    assertThat(prepared.header()).isEqualTo(new ImageHeader("jpeg", 800, 600));
  }

  @Test
  void aSmallPictureIsScaledUpToThreeHundredPixelsInTheCopyForKling() throws Exception {
    Path small = TestPictures.picture(dir.resolve("small.png"), "png", 200, 150);

    ReferenceImages.Prepared prepared = images.prepare(small);

    assertThat(prepared.file()).isNotEqualTo(small);
    assertThat(prepared.header().width()).isEqualTo(400);
    assertThat(prepared.header().height()).isEqualTo(300);
    assertThat(prepared.changes())
        .containsExactly("scaled up to 400×300 (Kling needs at least 300 pixels on each side)");
    assertThat(ImageHeader.read(small)).isEqualTo(new ImageHeader("png", 200, 150));
  }

  @Test
  void aLongThinPictureIsPaddedToKlingsShape() throws Exception {
    Path tall = TestPictures.picture(dir.resolve("tall.png"), "png", 300, 1200);

    ReferenceImages.Prepared prepared = images.prepare(tall);

    assertThat(prepared.header().width()).isEqualTo(480);
    assertThat(prepared.header().height()).isEqualTo(1200);
    assertThat(prepared.changes())
        .containsExactly("padded 300×1200 to the shape 1:2.5 (Kling takes shapes up to 2.5:1)");
    BufferedImage sent = ImageIO.read(prepared.file().toFile());
    assertThat(sent.getRGB(5, 600)).isEqualTo(0xFFFFFFFF); // the padding is white
    assertThat(sent.getRGB(240, 600) & 0xFFFFFF).isEqualTo(0xFF0000); // the picture is centred
  }

  @Test
  void otherReadableFormatsBecomePng() throws Exception {
    Path gif = TestPictures.picture(dir.resolve("cat.gif"), "gif", 400, 400);
    Path bmp = TestPictures.picture(dir.resolve("dog.bmp"), "bmp", 400, 400);

    ReferenceImages.Prepared fromGif = images.prepare(gif);
    ReferenceImages.Prepared fromBmp = images.prepare(bmp);

    assertThat(fromGif.header()).isEqualTo(new ImageHeader("png", 400, 400));
    assertThat(fromGif.changes()).containsExactly("GIF → PNG");
    assertThat(fromGif.file().getFileName().toString()).isEqualTo("cat-kling.png");
    assertThat(fromBmp.changes()).containsExactly("BMP → PNG");
  }

  @Test
  void aWebpOrSomethingElseIsRefusedWithASentence() throws Exception {
    Path webp = dir.resolve("sticker.webp");
    Files.write(webp, "RIFF\0\0\0\0WEBPVP8 some bytes".getBytes(StandardCharsets.US_ASCII));
    Path text = Files.writeString(dir.resolve("notes.png"), "not a picture at all");

    assertThatThrownBy(() -> images.prepare(webp))
        .isInstanceOf(MediaException.class)
        .hasMessage(
            "is a WebP picture, which the bot cannot read; save it as PNG or JPEG and attach it"
                + " again.");
    assertThatThrownBy(() -> images.prepare(text))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("is not a picture the bot can read");
  }

  @Test
  void aCopyOverTheSizeLimitIsSavedAsJpeg() throws Exception {
    ReferenceImages withOneMegabyte = new ReferenceImages(1L << 20);
    Path noise = TestPictures.noisePng(dir.resolve("noise.png"), 700, 700);
    assertThat(Files.size(noise)).isGreaterThan(1L << 20);

    ReferenceImages.Prepared prepared = withOneMegabyte.prepare(noise);

    assertThat(prepared.header().format()).isEqualTo("jpeg");
    assertThat(Files.size(prepared.file())).isLessThanOrEqualTo(1L << 20);
    assertThat(prepared.changes()).containsExactly("saved as JPEG to fit the 1.0 MB limit");
  }

  @Test
  void aTinyPictureIsRefused() throws Exception {
    Path icon = TestPictures.picture(dir.resolve("icon.png"), "png", 32, 32);

    assertThatThrownBy(() -> images.prepare(icon))
        .isInstanceOf(MediaException.class)
        .hasMessage(
            "is only 32×32 pixels; Kling needs at least 300 pixels on each side. Attach a larger"
                + " picture.");
  }
}
