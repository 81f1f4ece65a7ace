package org.seqengine.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DomainsTest {

    @Example
    void examples() {
        assertThat(Domains.normalize("https://www.Example.com:443/about?x=1#top")).isEqualTo("example.com");
        assertThat(Domains.normalize("  EXAMPLE.COM.  ")).isEqualTo("example.com");
        assertThat(Domains.normalize("jane@example.com")).isEqualTo("example.com");
        assertThat(Domains.normalize("ftp://user:pw@www.www.example.co.uk/")).isEqualTo("example.co.uk");
        assertThat(Domains.normalize("//example.com/x")).isEqualTo("example.com");
        assertThat(Domains.normalize("Bücher.de")).isEqualTo("xn--bcher-kva.de");
        assertThat(Domains.normalize("sub.example.com")).isEqualTo("sub.example.com");
        assertThat(Domains.normalize(null)).isNull();
        assertThat(Domains.normalize("  ")).isNull();
        assertThat(Domains.normalize("www.")).isNull();
        assertThat(Domains.normalize("localhost")).isNull();
        assertThat(Domains.normalize("not a domain")).isNull();
        assertThat(Domains.normalize("example.com:http")).isNull();
        assertThat(Domains.normalize("a..b")).isNull();
    }

    @Property
    void isIdempotent(@ForAll("anyText") String raw) {
        String once = Domains.normalize(raw);
        assertThat(Domains.normalize(once)).isEqualTo(once);
    }

    @Property
    void ignoresCaseSchemeWwwPathPortAndTrailingDot(@ForAll("domains") String domain, @ForAll("decorated") Decoration d) {
        String decorated = d.scheme + d.www + (d.upper ? domain.toUpperCase(Locale.ROOT) : domain) + d.dot + d.port + d.path;
        assertThat(Domains.normalize(decorated)).isEqualTo(Domains.normalize(domain)).isEqualTo(domain);
    }

    record Decoration(String scheme, String www, boolean upper, String dot, String port, String path) {}

    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(12);
        return label.list().ofMinSize(2).ofMaxSize(4).map(labels -> String.join(".", labels))
                .filter(d -> !d.startsWith("www."));
    }

    @Provide
    Arbitrary<Decoration> decorated() {
        return Combinators.combine(
                Arbitraries.of("", "http://", "https://", "HTTPS://", "ftp://", "//"),
                Arbitraries.of("", "www.", "WWW.", "www.www."),
                Arbitraries.of(true, false),
                Arbitraries.of("", ".", ".."),
                Arbitraries.of("", ":", ":80", ":8443"),
                Arbitraries.of("", "/", "/about", "/a/b?x=1", "?q", "#frag")).as(Decoration::new);
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> pieces = Arbitraries.of("http://", "www.", "WWW.", ".", "..", ":", ":80", "/", "?", "#", "@", " ",
                "a", "B", "-", "_", "ü", "。", "xn--", "com", "example", "1");
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                pieces.list().ofMaxSize(10).map(list -> String.join("", list)));
    }
}
