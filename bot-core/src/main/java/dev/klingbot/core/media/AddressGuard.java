package dev.klingbot.core.media;

import dev.klingbot.core.i18n.Messages;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;

/**
 * Which addresses the bot may fetch links from. By default only public ones: a link (or a redirect)
 * to loopback ({@code 127.0.0.1}, {@code localhost}, {@code ::1}), a private network ({@code 10.x},
 * {@code 172.16–31.x}, {@code 192.168.x}, {@code fc00::/7}), link-local ({@code 169.254.x}, cloud
 * metadata), carrier-grade NAT, multicast or reserved addresses is refused, so a chat user cannot
 * make the bot read the machine's own services (its HTTP port, PostgreSQL, a metadata endpoint).
 * Names are checked after they are resolved, so {@code localhost}, {@code 2130706433} and names
 * that resolve to private addresses are refused too; IPv4 addresses inside IPv6 ones ({@code
 * ::ffff:127.0.0.1}, NAT64, 6to4) count as the IPv4 address.
 *
 * <p>{@code media.allow-private-urls} turns the check off (development); {@link #allowing} lets one
 * exact host and port through (the embedded simulator of {@code --simulate}).
 */
public final class AddressGuard {
  /** The setting that allows private addresses, as the refusal names it. */
  public static final String SETTING =
      "media.allow-private-urls: true (KLINGBOT_MEDIA_ALLOW_PRIVATE_URLS=true)";

  private final boolean allowPrivate;
  private final Set<String> allowed;

  private AddressGuard(boolean allowPrivate, Set<String> allowed) {
    this.allowPrivate = allowPrivate;
    this.allowed = Set.copyOf(allowed);
  }

  /**
   * Whether a host, as written in a link, names the loopback interface ({@code localhost}, {@code
   * 127.x.x.x}, {@code ::1}), before any name is resolved.
   */
  public static boolean isLoopbackName(String host) {
    return host.equalsIgnoreCase("localhost")
        || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || host.equals("::1");
  }

  /** Public addresses only: the default. */
  public static AddressGuard publicOnly() {
    return new AddressGuard(false, Set.of());
  }

  /** Every address, private ones too (development, tests against local servers). */
  public static AddressGuard allowingPrivate() {
    return new AddressGuard(true, Set.of());
  }

  /** {@link #publicOnly()} or {@link #allowingPrivate()}, from the setting. */
  public static AddressGuard of(boolean allowPrivateUrls) {
    return allowPrivateUrls ? allowingPrivate() : publicOnly();
  }

  /** This guard, also letting {@code host:port} through whatever its address. */
  public AddressGuard allowing(String host, int port) {
    Set<String> more = new HashSet<>(allowed);
    more.add(key(host, port));
    return new AddressGuard(allowPrivate, more);
  }

  /** This guard, also letting the host and port of {@code url} through. */
  public AddressGuard allowing(HttpUrl url) {
    return allowing(url.host(), url.port());
  }

  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /** Whether {@code url} goes to an address let through by {@link #allowing}. */
  boolean isExempt(HttpUrl url) {
    return allowPrivate || allowed.contains(key(url.host(), url.port()));
  }

  /** The user's sentence for a refused link. */
  static String refusal(String kind) {
    return Messages.text("media.address.refused", kind, SETTING);
  }

  /**
   * Checks a URL before it is fetched: http(s) only, and a host given as an address must be public.
   * Names are checked when they are resolved ({@link #dns}).
   */
  void checkUrl(HttpUrl url) {
    String scheme = url.scheme();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new MediaException(MediaProblem.BAD_URL, Messages.text("media.download.not.a.link"));
    }
    if (isExempt(url)) {
      return;
    }
    literal(url.host())
        .flatMap(AddressGuard::kindOf)
        .ifPresent(
            kind -> {
              throw new MediaException(MediaProblem.BAD_URL, refusal(kind));
            });
  }

  /** A resolver that refuses names resolving to any address that is not public. */
  Dns dns(Dns delegate) {
    return hostname -> {
      List<InetAddress> addresses = delegate.lookup(hostname);
      for (InetAddress address : addresses) {
        Optional<String> kind = kindOf(address);
        if (kind.isPresent()) {
          throw new Refused(kind.get());
        }
      }
      return new ArrayList<>(addresses);
    };
  }

  /**
   * A last check on the connected socket, before anything is sent: catches addresses that did not
   * go through {@link #dns} (literals OkHttp parses itself).
   */
  Interceptor connectedCheck() {
    return chain -> {
      Connection connection = chain.connection();
      Socket socket = connection == null ? null : connection.socket();
      if (socket != null && socket.getInetAddress() != null) {
        Optional<String> kind = kindOf(socket.getInetAddress());
        if (kind.isPresent()) {
          throw new Refused(kind.get());
        }
      }
      return chain.proceed(chain.request());
    };
  }

  /** A refused address, raised inside OkHttp and turned into a {@link MediaException}. */
  static final class Refused extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    Refused(String kind) {
      super(refusal(kind));
      this.kind = kind;
    }

    String kind() {
      return kind;
    }
  }

  /** Finds a {@link Refused} in a failure's causes. */
  static Optional<Refused> refusedIn(IOException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refused refused) {
        return Optional.of(refused);
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (suppressed instanceof Refused refused) {
          return Optional.of(refused);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The kind of a non-public address in the current language's words ("a loopback address"), or
   * empty when public.
   */
  public static Optional<String> kindOf(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      Optional<byte[]> embedded = embeddedIpv4(bytes);
      if (embedded.isPresent()) {
        return kindOfIpv4(embedded.get());
      }
      if (address.isAnyLocalAddress()) {
        return Optional.of(Messages.text("media.address.unspecified"));
      }
      if (address.isLoopbackAddress()) {
        return Optional.of(Messages.text("media.address.loopback"));
      }
      if (address.isLinkLocalAddress()) {
        return Optional.of(Messages.text("media.address.link.local"));
      }
      if (address.isSiteLocalAddress() || (bytes[0] & 0xfe) == 0xfc) {
        return Optional.of(Messages.text("media.address.private"));
      }
      if (address.isMulticastAddress()) {
        return Optional.of(Messages.text("media.address.multicast"));
      }
      return Optional.empty();
    }
    return kindOfIpv4(bytes);
  }

  private static Optional<String> kindOfIpv4(byte[] ip) {
    int a = ip[0] & 0xff;
    int b = ip[1] & 0xff;
    if (a == 127) {
      return Optional.of(Messages.text("media.address.loopback"));
    }
    if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
      return Optional.of(Messages.text("media.address.private"));
    }
    if (a == 169 && b == 254) {
      return Optional.of(Messages.text("media.address.link.local"));
    }
    if (a == 0) {
      return Optional.of(Messages.text("media.address.unspecified"));
    }
    if (a == 100 && b >= 64 && b <= 127) {
      return Optional.of(Messages.text("media.address.carrier.nat"));
    }
    if (a >= 224 && a <= 239) {
      return Optional.of(Messages.text("media.address.multicast"));
    }
    if (a >= 240
        || (a == 192 && b == 0 && (ip[2] & 0xff) == 0)
        || (a == 198 && (b == 18 || b == 19))) {
      return Optional.of(Messages.text("media.address.reserved"));
    }
    return Optional.empty();
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. */
  private static Optional<byte[]> embeddedIpv4(byte[] ip) {
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= ip[i] == 0;
    }
    boolean mapped = zeroPrefix && (ip[10] & 0xff) == 0xff && (ip[11] & 0xff) == 0xff;
    boolean compatible =
        zeroPrefix && ip[10] == 0 && ip[11] == 0 && !(ip[12] == 0 && ip[13] == 0 && ip[14] == 0);
    boolean nat64 = ip[0] == 0 && ip[1] == 0x64 && (ip[2] & 0xff) == 0xff && (ip[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = ip[i] == 0;
    }
    if (mapped || compatible || nat64) {
      return Optional.of(new byte[] {ip[12], ip[13], ip[14], ip[15]});
    }
    if ((ip[0] & 0xff) == 0x20 && ip[1] == 0x02) {
      return Optional.of(new byte[] {ip[2], ip[3], ip[4], ip[5]});
    }
    return Optional.empty();
  }

  /** The address of a host written as an IP literal, without any name lookup. */
  private static Optional<InetAddress> literal(String host) {
    boolean ipv6 = host.indexOf(':') >= 0;
    boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    if (!ipv6 && !ipv4) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(ipv6 ? "[" + host + "]" : host));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String key(String host, int port) {
    return host.toLowerCase(Locale.ROOT) + ":" + port;
  }
}
