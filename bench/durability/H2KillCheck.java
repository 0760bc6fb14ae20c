import java.sql.*; import java.nio.file.*; import java.util.*;
/** Counts the acknowledged ids (one per line of a file) missing from the H2 file after a kill. */
public class H2KillCheck {
    public static void main(String[] a) throws Exception {
        List<String> acked = Files.readAllLines(Path.of(a[1]));
        int missing = 0;
        try (Connection c = DriverManager.getConnection(a[0], "sa", "")) {
            PreparedStatement p = c.prepareStatement("select count(*) from post where id = ?");
            for (String s : acked) { if (s.isBlank()) continue; p.setLong(1, Long.parseLong(s.trim())); ResultSet r = p.executeQuery(); r.next(); if (r.getLong(1) == 0) missing++; }
        }
        System.out.println("acked=" + acked.size() + " missing=" + missing);
    }
}
