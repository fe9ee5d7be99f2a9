/** Prices per SKU, held by the {@code pricingService} process. */
@NullMarked
package io.otpspring.sample.pricing;

import org.jspecify.annotations.NullMarked;
