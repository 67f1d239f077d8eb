package dev.klingbot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingbot.core.edit.EditLogContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Both log formats carry the edit a line is about; the JSON one is one valid object per line. */
class LoggingTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @Test
  void jsonLinesAreValidJsonWithTheEditIdInTheMdc() throws Exception {
    String output = logSome(true);

    List<JsonNode> lines = new ArrayList<>();
    for (String line : output.split("\n")) {
      lines.add(new ObjectMapper().readTree(line)); // throws if a line is not one JSON object
    }
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).path("mdc").path("edit").asText()).isEqualTo("ABCD1234");
    assertThat(lines.get(0).path("formattedMessage").asText())
        .isEqualTo("Kling task T-1 created for \"remove the ball\"\nsecond line");
    assertThat(lines.get(0).path("level").asText()).isEqualTo("INFO");
    assertThat(lines.get(1).path("mdc").path("edit").asText())
        .as("a new edit named once its id is known")
        .isEqualTo("WXYZ5678");
    assertThat(lines.get(2).path("mdc").has("edit")).as("outside any edit").isFalse();
  }

  @Test
  void textLinesNameTheEditOnlyWhenTheyAreAboutOne() {
    String[] lines = logSome(false).split("\n");

    assertThat(lines[0]).contains(" [edit ABCD1234] - Kling task T-1 created");
    assertThat(lines[2]).contains(" [edit WXYZ5678] - started");
    assertThat(lines[3]).doesNotContain("[edit").contains(" - the runner is idle");
  }

  /** Logs a line about an edit, one about a new edit named later, and one about none. */
  private String logSome(boolean json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(Logging.encoder(context, json));
    appender.setOutputStream(out);
    appender.start();
    Logger logger = context.getLogger("dev.klingbot.test.LoggingTest");
    logger.setAdditive(false);
    logger.addAppender(appender);
    try {
      try (EditLogContext.Scope scope = EditLogContext.open("ABCD1234")) {
        logger.info("Kling task {} created for \"remove the ball\"\nsecond line", "T-1");
      }
      try (EditLogContext.Scope scope = EditLogContext.open(null)) {
        EditLogContext.name("WXYZ5678");
        logger.info("started");
      }
      EditLogContext.name("LEFTOVER"); // outside a scope: no id is left on the thread
      logger.info("the runner is idle");
    } finally {
      logger.detachAppender(appender);
      appender.stop();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
