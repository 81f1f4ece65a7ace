package org.seqengine.exclusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CrmDomainsTest {

    @Test
    void stripsEveryVariationDownToTheDomain() {
        assertThat(CrmDomains.normalize("https://www.Example.com/about")).isEqualTo("example.com");
        assertThat(CrmDomains.normalize("  EXAMPLE.com.  ")).isEqualTo("example.com");
        assertThat(CrmDomains.normalize("http://user:pw@www.example.co.uk:8443/a?b=c#d")).isEqualTo("example.co.uk");
        assertThat(CrmDomains.normalize("example.com?x=1")).isEqualTo("example.com");
        assertThat(CrmDomains.normalize("www.www.example.com")).isEqualTo("example.com");
        assertThat(CrmDomains.normalize("bücher.de")).isEqualTo("xn--bcher-kva.de");
    }

    @Test
    void whatIsNoDomainIsNull() {
        assertThat(CrmDomains.normalize(null)).isNull();
        assertThat(CrmDomains.normalize("  ")).isNull();
        assertThat(CrmDomains.normalize("localhost")).isNull();
        assertThat(CrmDomains.normalize("not a domain")).isNull();
        assertThat(CrmDomains.normalize("https://")).isNull();
        assertThat(CrmDomains.normalize("-bad-.com")).isNull();
        assertThat(CrmDomains.normalize("www.com")).isNull();
    }

    @Property
    void normalizingTwiceChangesNothing(@ForAll String raw) {
        String once = CrmDomains.normalize(raw);
        assertThat(CrmDomains.normalize(once)).isEqualTo(once);
    }

    @Property
    void urlFormsOfADomainNormalizeAlike(@ForAll("labels") String name, @ForAll boolean www, @ForAll boolean https) {
        String domain = name + ".example";
        String url = (https ? "https://" : "") + (www ? "www." : "") + domain.toUpperCase() + (https ? ":443/path" : ".");
        assertThat(CrmDomains.normalize(url)).isEqualTo(CrmDomains.normalize(domain)).isEqualTo(domain);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.equals("www"));
    }
}
