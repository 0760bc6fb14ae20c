package org.tribune.platform;

import java.sql.Connection;
import java.sql.DriverManager;

/** Another process holding an embedded database, for tests: opens the URL given, says "held", waits for its input to close. */
public final class HeldDatabase {
    private HeldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Backups.loopbackOnly();
        try (Connection held = DriverManager.getConnection(args[0], "sa", "")) {
            held.createStatement().execute("create table if not exists held (id int)");
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
