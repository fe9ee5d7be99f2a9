package io.otpspring.sample.order;

/** Numbers orders: each number once. */
public interface OrderNumbers {

    /** The next order number. */
    long next();
}
