/**
 * Stock per SKU, held by the {@code inventoryService} process, which depends on pricing: the
 * supervision tree starts it after pricing and restarts it whenever pricing restarts.
 */
@NullMarked
package io.otpspring.sample.inventory;

import org.jspecify.annotations.NullMarked;
