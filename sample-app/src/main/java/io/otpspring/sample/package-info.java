/**
 * The sample application: one package per part of the shop ({@code pricing}, {@code inventory},
 * {@code ratelimit}, {@code cart}, {@code order}), each holding its process bean and its REST
 * controller, and {@code processes} to look at the supervision tree and crash its processes on purpose.
 */
@NullMarked
package io.otpspring.sample;

import org.jspecify.annotations.NullMarked;
