package dev.klingbot.core.relay;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.edit.Edit;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed links to an edit's selection page: {@code <base>/editor/<edit id>?exp=..&sig=..}. A link
 * is valid until the edit's Kling session ends; the page also refuses once the edit is submitted or
 * cancelled.
 */
public final class EditorLinks {
  static final String PURPOSE = "editor";

  private final String publicBaseUrl;
  private final UrlSigner signer;
  private final Clock clock;

  public EditorLinks(String publicBaseUrl, UrlSigner signer, Clock clock) {
    this.publicBaseUrl = publicBaseUrl;
    this.signer = requireNonNull(signer, "signer is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Whether links can be offered (a public base URL is configured). */
  public boolean available() {
    return publicBaseUrl != null;
  }

  /** The link for an edit valid until {@code expiresAt}, or empty without a public base URL. */
  public Optional<String> link(String editId, Instant expiresAt) {
    if (publicBaseUrl == null) {
      return Optional.empty();
    }
    return Optional.of(
        publicBaseUrl
            + "/editor/"
            + editId
            + "?exp="
            + expiresAt.getEpochSecond()
            + "&sig="
            + signer.sign(PURPOSE, editId, expiresAt));
  }

  /**
   * The link for an edit that can still be selected on (it has a Kling session and was not
   * submitted), valid until the session ends.
   */
  public Optional<String> forEdit(Edit edit) {
    if (edit.session() == null || !edit.state().isBeforeSubmit()) {
      return Optional.empty();
    }
    return link(edit.id(), edit.session().expiresAt());
  }

  /** Whether a request's signature is right for the edit and not expired. */
  public boolean verify(String editId, String exp, String sig) {
    return signer.verify(PURPOSE, editId, exp, sig, clock.instant());
  }
}
