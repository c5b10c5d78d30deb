package cz.mluv.db.user;

import cz.mluv.db.InvalidParameterException;
import cz.mluv.db.message.Message;
import cz.mluv.db.replica.PrimaryRead;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users with their relations, eagerly loaded in one SQL statement (seed 001, "Eager Loading"). */
@Singleton
public class UserProfiles {

    /** Most recent messages a profile may include, rows. */
    public static final int MAX_RECENT_MESSAGES = 50;

    private final UserRepository repository;

    /** @param repository user reads */
    public UserProfiles(UserRepository repository) {
        this.repository = repository;
    }

    /**
     * @param telegramId     the user
     * @param include        relations to load
     * @param recentMessages how many newest messages when {@link UserInclude#RECENT_MESSAGES} is
     *                       included, 1..{@link #MAX_RECENT_MESSAGES}
     * @return the user with the relations asked for; empty when there is no such user
     * @throws InvalidParameterException when {@code recentMessages} is out of range
     */
    @PrimaryRead("read-your-writes: settings the user just changed, stars just earned")
    public Optional<UserProfile> byTelegramId(long telegramId, Set<UserInclude> include, int recentMessages) {
        boolean withMessages = include.contains(UserInclude.RECENT_MESSAGES);
        if (withMessages) {
            InvalidParameterException.requireRange("messages", recentMessages, 1, MAX_RECENT_MESSAGES);
        }
        List<UserProfileRow> rows = repository.findProfileRows(telegramId, include.contains(UserInclude.SETTINGS),
                include.contains(UserInclude.STARS), withMessages ? recentMessages : 0);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        UserProfileRow u = rows.getFirst();
        UserProfile.Settings settings = u.conversationStyle() == null ? null : new UserProfile.Settings(
                u.conversationStyle(), u.correctionsLevel(), u.nativeLanguage(), u.dailyGoal(), u.notifications());
        UserProfile.Stars stars = u.starsTotal() == null ? null : new UserProfile.Stars(u.starsTotal(), u.starsAvailable());
        List<Message> messages = !withMessages ? null : rows.stream().filter(r -> r.messageId() != null)
                .map(r -> new Message(r.messageId(), r.messageRole(), r.messageText(), r.messageCorrectnessScore(),
                        r.messageCreatedAt()))
                .toList();
        return Optional.of(new UserProfile(u.id(), u.telegramId(), u.firstName(), u.username(), u.level(), u.createdAt(),
                settings, stars, messages));
    }
}
