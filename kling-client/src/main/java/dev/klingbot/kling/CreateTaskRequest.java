package dev.klingbot.kling;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of create-task. {@code images} are the reference images, each a URL or Base64 text, sent
 * as {@code image_list: [{"image": ...}]}; their number depends on the {@link EditMode}. {@code
 * modelName}, {@code negativePrompt}, {@code mode}, {@code duration}, {@code callbackUrl} and
 * {@code externalTaskId} are optional (null = Kling's default: {@code kling-v1-6}, none, {@code
 * std}, 5 s).
 *
 * <p>Set {@code externalTaskId} (your own unique job id): it lets the client find out whether a
 * create that timed out went through before creating again.
 */
public record CreateTaskRequest(
    String modelName,
    String sessionId,
    EditMode editMode,
    List<String> images,
    String prompt,
    String negativePrompt,
    TaskMode mode,
    TaskDuration duration,
    String callbackUrl,
    String externalTaskId) {
  /** The longest prompt or negative prompt Kling accepts, in characters. */
  public static final int MAX_PROMPT_CHARACTERS = 2500;

  public CreateTaskRequest {
    Validation.requireText(
        sessionId, "session_id", "call initSelection first and pass its sessionId");
    if (editMode == null) {
      throw new IllegalArgumentException("edit_mode is missing; choose ADDITION, SWAP or REMOVAL");
    }
    images = checkImages(editMode, images);
    Validation.requireText(prompt, "prompt", "describe the edit in words");
    checkLength("prompt", prompt);
    if (negativePrompt != null) {
      checkLength("negative_prompt", negativePrompt);
    }
    if (modelName != null && modelName.isBlank()) {
      throw new IllegalArgumentException(
          "model_name is blank; leave it unset for Kling's default or name a model");
    }
    if (callbackUrl != null) {
      checkCallbackUrl(callbackUrl);
    }
    if (externalTaskId != null && externalTaskId.isBlank()) {
      throw new IllegalArgumentException(
          "external_task_id is blank; leave it unset or pass your own unique job id");
    }
  }

  /** Shows image sizes rather than whole Base64 images. */
  @Override
  public String toString() {
    return "CreateTaskRequest[modelName="
        + modelName
        + ", sessionId="
        + sessionId
        + ", editMode="
        + editMode
        + ", images="
        + images.stream()
            .map(image -> image.length() > 200 ? image.length() + " chars" : image)
            .toList()
        + ", prompt="
        + prompt
        + ", negativePrompt="
        + negativePrompt
        + ", mode="
        + mode
        + ", duration="
        + duration
        + ", callbackUrl="
        + callbackUrl
        + ", externalTaskId="
        + externalTaskId
        + "]";
  }

  /** Starts a builder; session id, edit mode and prompt are required. */
  public static Builder builder() {
    return new Builder();
  }

  private static List<String> checkImages(EditMode editMode, List<String> images) {
    List<String> checked = images == null ? List.of() : images;
    for (int i = 0; i < checked.size(); i++) {
      String image = checked.get(i);
      if (image == null || image.isBlank()) {
        throw new IllegalArgumentException(
            "images["
                + i
                + "] is "
                + (image == null ? "null" : "blank")
                + "; pass an image URL or Base64 text, or remove the entry");
      }
    }
    if (!editMode.acceptsImageCount(checked.size())) {
      throw new IllegalArgumentException(
          editMode.wireName()
              + " takes "
              + editMode.imageRange()
              + " but "
              + checked.size()
              + (checked.size() == 1 ? " was" : " were")
              + " given; "
              + (checked.size() > editMode.maxImages()
                  ? "remove " + (checked.size() - editMode.maxImages()) + " of them"
                  : "add " + (editMode.minImages() - checked.size()) + " reference image(s)"));
    }
    return List.copyOf(checked);
  }

  private static void checkLength(String field, String text) {
    int characters = Validation.characterCount(text);
    if (characters > MAX_PROMPT_CHARACTERS) {
      throw new IllegalArgumentException(
          field
              + " is "
              + characters
              + " characters; Kling takes at most "
              + MAX_PROMPT_CHARACTERS
              + ", so shorten it");
    }
  }

  private static void checkCallbackUrl(String callbackUrl) {
    String scheme;
    try {
      URI uri = new URI(callbackUrl);
      scheme = uri.getScheme();
      if (uri.getHost() == null) {
        scheme = null;
      }
    } catch (java.net.URISyntaxException e) {
      scheme = null;
    }
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "callback_url is not an absolute http or https URL; pass a URL Kling can POST to, or"
              + " leave it unset");
    }
  }

  /** Builds a {@link CreateTaskRequest}; validation happens in {@link #build()}. */
  public static final class Builder {
    private String modelName;
    private String sessionId;
    private EditMode editMode;
    private final List<String> images = new ArrayList<>();
    private String prompt;
    private String negativePrompt;
    private TaskMode mode;
    private TaskDuration duration;
    private String callbackUrl;
    private String externalTaskId;

    private Builder() {}

    public Builder modelName(String modelName) {
      this.modelName = modelName;
      return this;
    }

    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    public Builder editMode(EditMode editMode) {
      this.editMode = editMode;
      return this;
    }

    /** Adds one reference image (URL or Base64). */
    public Builder addImage(String image) {
      this.images.add(image);
      return this;
    }

    /** Replaces the reference images (URLs or Base64). */
    public Builder images(List<String> images) {
      this.images.clear();
      if (images != null) {
        this.images.addAll(images);
      }
      return this;
    }

    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    public Builder negativePrompt(String negativePrompt) {
      this.negativePrompt = negativePrompt;
      return this;
    }

    public Builder mode(TaskMode mode) {
      this.mode = mode;
      return this;
    }

    public Builder duration(TaskDuration duration) {
      this.duration = duration;
      return this;
    }

    public Builder callbackUrl(String callbackUrl) {
      this.callbackUrl = callbackUrl;
      return this;
    }

    public Builder externalTaskId(String externalTaskId) {
      this.externalTaskId = externalTaskId;
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @throws IllegalArgumentException saying what to change
     */
    public CreateTaskRequest build() {
      return new CreateTaskRequest(
          modelName,
          sessionId,
          editMode,
          new ArrayList<>(images),
          prompt,
          negativePrompt,
          mode,
          duration,
          callbackUrl,
          externalTaskId);
    }
  }
}
