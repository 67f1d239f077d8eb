package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ParseCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = new CommandLine(new ParseCommand());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** Runs the command with {@code args}, asserts that it succeeded, then asserts on its lines. */
  private ListAssert<String> assertPrinted(String... args) {
    assertThat(run(args)).isZero();
    return assertThat(out.toString().lines());
  }

  @Test
  void printsThePlan() {
    assertPrinted("remove the man in the red jacket")
        .containsExactly(
            "Edit mode:  removal",
            "Elements:   element = the man in the red jacket",
            "Prompt:     Delete the man in the red jacket from <<<video_1>>>",
            "Images:     0 used",
            "Language:   english");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void joinsSeveralWordsIntoOneInstruction() {
    assertPrinted("--images", "1", "swap", "the", "cat", "for", "the", "dog", "in", "this", "photo")
        .contains(
            "Edit mode:  swap",
            "Elements:   original = the cat, replacement = the dog",
            "Prompt:     Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>",
            "Images:     1 used");
  }

  @Test
  void printsNegativePromptAndNotices() {
    assertPrinted("--images", "1", "--negative", "blurry", "remove <<<image_1>>> the car")
        .contains(
            "Prompt:     Delete the car from <<<video_1>>>",
            "Negative:   blurry",
            "Images:     0 used",
            "Notice:     Removed “<<<image_1>>>” from your text: placeholders are added by the"
                + " bot.",
            "Notice:     Removal uses no reference image, so the 1 image you attached was left"
                + " out.");
  }

  @Test
  void printsOneJsonObject() throws Exception {
    int exit =
        run("--json", "--images=2", "--negative", "blur", "add the hat and the scarf to the man");

    assertThat(exit).isZero();
    assertThat(out.toString().strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("edit_mode").asText()).isEqualTo("addition");
    assertThat(json.get("prompt").asText())
        .isEqualTo(
            "Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> and the"
                + " scarf from <<<image_2>>> to the man");
    assertThat(json.get("negative_prompt").asText()).isEqualTo("blur");
    assertThat(json.get("images_used").asInt()).isEqualTo(2);
    assertThat(json.get("elements").get("subject").asText()).isEqualTo("the hat and the scarf");
    assertThat(json.get("elements").get("location").asText()).isEqualTo("the man");
    assertThat(json.get("elements").get("element").isNull()).isTrue();
    assertThat(json.get("language").asText()).isEqualTo("english");
    assertThat(json.get("raw_prompt").asBoolean()).isFalse();
    assertThat(json.get("notices").isArray()).isTrue();
    assertThat(json.get("notices")).isEmpty();
  }

  @Test
  void jsonForRemovalHasNullNegativePrompt() throws Exception {
    JsonNode json = answer("删除红衣服的男人");

    assertThat(json.get("negative_prompt").isNull()).isTrue();
    assertThat(json.get("prompt").asText()).isEqualTo("删除<<<video_1>>>中的红衣服的男人");
    assertThat(json.get("language").asText()).isEqualTo("chinese");
  }

  @Test
  void refusalGoesToStandardErrorWithExitCode1() {
    int exit = run("make it better");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .startsWith("Refused (not an edit): I can't turn “make it better” into an edit");
  }

  @Test
  void refusalWithJsonIsOneObjectOnStandardOutput() throws Exception {
    JsonNode json = refusal("make it better");

    assertThat(err.toString()).isEmpty();
    assertThat(json.size()).isEqualTo(2);
    assertThat(json.get("error").asText()).isEqualTo("not_an_edit");
    assertThat(json.get("message").asText()).startsWith("I can't turn “make it better”");
  }

  @Test
  void refusesSwapWithoutImage() throws Exception {
    assertThat(refusal("replace the cat with a dog").get("error").asText())
        .isEqualTo("images_missing");
  }

  @Test
  void rawPromptIsShownAsWritten() {
    assertPrinted("--images", "1", "Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>")
        .contains(
            "Edit mode:  swap",
            "Elements:   (raw prompt, used as written)",
            "Prompt:     Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>");
  }

  @Test
  void negativeImageCountIsAUsageError() {
    int exit = run("--images", "-1", "add a dog");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--images must be 0 or more, not -1");
  }

  @Test
  void instructionIsRequired() {
    int exit = run("--json");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("INSTRUCTION");
  }

  @Test
  void refusalWithACloseReadingPrintsTheSuggestion() {
    int exit = run("remove the car and add a dog");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("Refused (not an edit): I read more than one request")
        .contains("Did you mean: remove the car?")
        .contains("Suggestion: remove the car");
  }

  @Test
  void refusalWithJsonCarriesTheSuggestionAsAField() throws Exception {
    JsonNode json = refusal("the watermark");

    assertThat(json.get("error").asText()).isEqualTo("not_an_edit");
    assertThat(json.get("message").asText()).endsWith("Did you mean: remove the watermark?");
    assertThat(json.get("suggestion").asText()).isEqualTo("remove the watermark");
  }

  @Test
  void aChineseRefusalIsInChinese() throws Exception {
    JsonNode json = refusal("把视频加速");

    assertThat(json.get("message").asText()).startsWith("我没法把“把视频加速”");
    assertThat(json.has("suggestion")).isFalse();
  }

  /** Runs {@code parse --json instruction}, expects exit 0 and answers the object printed. */
  private JsonNode answer(String instruction) throws Exception {
    assertThat(run("--json", instruction)).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  /** Runs {@code parse --json instruction}, expects a refusal (exit 1) and answers its object. */
  private JsonNode refusal(String instruction) throws Exception {
    assertThat(run("--json", instruction)).isEqualTo(1);
    return new ObjectMapper().readTree(out.toString());
  }
}
