package cz.mluv.api.problem;

import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Names the query parameter of a request target that is not a valid URI (a malformed
 * percent-encoding such as {@code q=%zz} or a lone {@code %}): Micronaut rejects such a request
 * before routing, with a {@link URISyntaxException} that carries the raw target and the index of
 * the fault.
 */
final class MalformedUri {

    private MalformedUri() {
    }

    /**
     * @param e the parse failure
     * @return the name of the query parameter whose name or value holds the fault; empty when
     *         the fault is in the path or the name cannot be told
     */
    static Optional<String> parameter(URISyntaxException e) {
        String input = e.getInput();
        int index = e.getIndex();
        if (input == null || index < 0 || index >= input.length()) {
            return Optional.empty();
        }
        int query = input.indexOf('?');
        if (query < 0 || index <= query) {
            return Optional.empty();
        }
        int start = input.lastIndexOf('&', index) + 1;
        if (start <= query) {
            start = query + 1;
        }
        int end = input.indexOf('&', start);
        String pair = input.substring(start, end < 0 ? input.length() : end);
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        return name.isEmpty() || name.contains("%") ? Optional.empty() : Optional.of(name);
    }

    /**
     * @param e the parse failure
     * @return the path of the raw request target
     */
    static String path(URISyntaxException e) {
        String input = e.getInput() == null ? "/" : e.getInput();
        int query = input.indexOf('?');
        return query < 0 ? input : input.substring(0, query);
    }
}
