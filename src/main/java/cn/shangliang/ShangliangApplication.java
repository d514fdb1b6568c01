package cn.shangliang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ShangliangApplication {
  public static void main(String[] args) {
    SpringApplication.run(ShangliangApplication.class, args);
  }
}
