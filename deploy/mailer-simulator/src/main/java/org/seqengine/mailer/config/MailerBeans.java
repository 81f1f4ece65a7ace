package org.seqengine.mailer.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.mailer.domain.SendLedger;
import org.seqengine.mailer.kafka.PersonKeys;

/** The one ledger of sent requests of this process, and its in-memory copy of the people's keys. */
public class MailerBeans {

    @Produces
    @Singleton
    SendLedger sendLedger() {
        return new SendLedger();
    }

    /** Started by MailerStartup, before the first send request is consumed. */
    @Produces
    @Singleton
    PersonKeys personKeys(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new PersonKeys(bootstrapServers);
    }

    void closePersonKeys(@Disposes PersonKeys keys) {
        keys.close();
    }
}
