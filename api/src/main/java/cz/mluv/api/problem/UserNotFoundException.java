package cz.mluv.api.problem;

/** No user has the Telegram id asked for; answered with HTTP 404 problem+json. */
public class UserNotFoundException extends RuntimeException {

    /** @param telegramId the id that matched no user */
    public UserNotFoundException(long telegramId) {
        super("no user with telegram id " + telegramId);
    }

    /** @param detail which user was looked for where, for the problem's detail */
    public UserNotFoundException(String detail) {
        super(detail);
    }
}
