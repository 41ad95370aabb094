package io.booking.command.account;

/** A customer uses an invitation to set the password of an account an admin created for them. */
public record AcceptInvitation(String invitationHash, String passwordHash) {

    @Override
    public String toString() {
        return "AcceptInvitation[redacted]";
    }
}
