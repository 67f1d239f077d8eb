package dev.klingbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponsesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          result.mp4        | video/mp4
          CLIP.MOV          | video/quicktime
          clip.webm         | video/webm
          frame.png         | image/png
          photo.jpg         | image/jpeg
          photo.JPEG        | image/jpeg
          spinner.gif       | image/gif
          editor.js         | text/javascript; charset=utf-8
          editor.css        | text/css; charset=utf-8
          logo.svg          | image/svg+xml
          notes.txt         | application/octet-stream
          archive.mp4.gz    | application/octet-stream
          mp4               | application/octet-stream
          """)
  void theContentTypeFollowsTheFileExtension(String name, String type) {
    assertThat(Responses.contentType(name)).isEqualTo(type);
  }
}
