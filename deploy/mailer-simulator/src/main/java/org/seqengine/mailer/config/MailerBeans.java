package org.seqengine.mailer.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.seqengine.mailer.domain.SendLedger;

/** The one ledger of sent requests of this process. */
public class MailerBeans {

    @Produces
    @Singleton
    SendLedger sendLedger() {
        return new SendLedger();
    }
}
