package io.booking.command.security;

import io.booking.command.account.Credentials;
import io.booking.platform.PasswordVersionCheck;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The command side's check that a token is not older than its account's password. The current version is cached
 * briefly ({@code booking.security.password-version-cache}); this instance forgets it when the password changes here,
 * another instance sees the change within that time.
 */
@Component
public class PasswordVersions extends PasswordVersionCheck {

    public static final String CLAIM = PasswordVersionCheck.CLAIM;

    public PasswordVersions(Credentials credentials, SecuritySettings settings) {
        super(credentials::passwordVersion, settings.passwordVersionCache());
    }

    /** The account's password changes in the current transaction: forget its version now and after the commit. */
    public void changing(String accountId) {
        forget(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(accountId);
                }
            });
        }
    }
}
