package org.tribune;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TribuneApplication {
    public static void main(String[] args) {
        SpringApplication.run(TribuneApplication.class, args);
    }
}
