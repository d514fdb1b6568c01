package cn.shangliang.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/** A bean an injected expression would call: if {@link #touches()} is ever above 0, an expression was evaluated. */
@TestComponent("canary")
public class Canary {
  private final AtomicInteger touches = new AtomicInteger();

  public java.util.Date touch() {
    touches.incrementAndGet();
    return new java.util.Date();
  }

  public int touches() {
    return touches.get();
  }
}
