package org.tribune.account;

/** What a person gives to open an account, and the invitation code they came with, if any. */
public record SignUp(String handle, String email, String password, String locale, boolean acceptConduct,
        String invitation) {

    public SignUp(String handle, String email, String password, String locale, boolean acceptConduct) {
        this(handle, email, password, locale, acceptConduct, null);
    }

    public SignUp withEmail(String other) {
        return new SignUp(handle, other, password, locale, acceptConduct, invitation);
    }
}
