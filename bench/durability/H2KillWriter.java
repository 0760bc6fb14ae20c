import java.sql.*;
import java.util.concurrent.atomic.AtomicLong;
/**
 * H2 alone under {@code kill -9}: 4 threads insert rows into an H2 file opened as Tribune opens it, each printing a
 * row's id once its commit returned. {@code h2-kill.sh} kills it and counts the printed ids that are not in the file.
 */
public class H2KillWriter {
    public static void main(String[] a) throws Exception {
        String url = a[0];
        long base = Long.parseLong(a[1]);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table if not exists post (id bigint primary key, body varchar(2000))");
        }
        AtomicLong next = new AtomicLong(base);
        for (int t = 0; t < 4; t++) {
            Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    PreparedStatement p = c.prepareStatement("insert into post values (?, ?)");
                    while (true) {
                        long id = next.getAndIncrement();
                        p.setLong(1, id); p.setString(2, "x".repeat(500));
                        p.executeUpdate();
                        synchronized (System.out) { System.out.println(id); System.out.flush(); }
                    }
                } catch (Exception e) { e.printStackTrace(); }
            });
        }
    }
}
