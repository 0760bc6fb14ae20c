package org.tribune.account;

/** What a person gives to open an account. */
public record SignUp(String handle, String email, String password, String locale, boolean acceptConduct) {
    public SignUp withEmail(String other) {
        return new SignUp(handle, other, password, locale, acceptConduct);
    }
}
