package io.otpspring.spring.process;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.Info;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each method of a process class becomes, read without a context. */
class HandlerMethodsTest {

    interface Shape {
    }

    record Circle(double radius) implements Shape {
    }

    record Note(String text) {
    }

    static class Drawer {
        @Info
        void onShape(Shape shape) {
        }

        @Info
        void onCircle(Circle circle) {
        }

        @Info
        void onNote(Note note) {
        }

        @Info
        void onAnything(Object anything) {
        }

        public int count() {
            return 0;
        }

        public CompletableFuture<Integer> later() {
            return CompletableFuture.completedFuture(0);
        }

        public CompletionStage<Integer> stage() {
            return CompletableFuture.completedFuture(0);
        }

        @Cast
        public void reset() {
        }
    }

    @Test
    void theMostSpecificInfoMethodHandlesEachMessageWhateverTheDeclarationOrder() throws Exception {
        HandlerMethods handlers = HandlerMethods.of("drawer", Drawer.class);

        assertThat(handlers.infoFor(Circle.class).method().getName()).isEqualTo("onCircle");
        assertThat(handlers.infoFor(Note.class).method().getName()).isEqualTo("onNote");
        assertThat(handlers.infoFor(Shape.class).method().getName()).isEqualTo("onShape");
        assertThat(handlers.infoFor(String.class).method().getName()).isEqualTo("onAnything");
    }

    @Test
    void aMessageNoInfoMethodAcceptsHasNone() {
        HandlerMethods handlers = HandlerMethods.of("counter", CountingOnly.class);

        assertThat(handlers.infoFor(String.class)).isNull();
        assertThat(handlers.infoFor(String.class)).as("asked twice").isNull();
    }

    static class CountingOnly {
        @Info
        void onNumber(Integer number) {
        }
    }

    @Test
    void callsCastsAndAsynchronousCallsAreToldApartByTheirDeclaration() throws Exception {
        HandlerMethods handlers = HandlerMethods.of("drawer", Drawer.class);

        assertThat(handlers.handlerFor(Drawer.class.getMethod("count")).kind()).isEqualTo(HandlerKind.CALL);
        assertThat(handlers.handlerFor(Drawer.class.getMethod("later")).kind()).isEqualTo(HandlerKind.ASYNC_CALL);
        assertThat(handlers.handlerFor(Drawer.class.getMethod("stage")).kind()).isEqualTo(HandlerKind.ASYNC_CALL);
        assertThat(handlers.handlerFor(Drawer.class.getMethod("reset")).kind()).isEqualTo(HandlerKind.CAST);
    }

    static class OwnFuture<T> extends CompletableFuture<T> {
    }

    static class ReturnsItsOwnFuture {
        public OwnFuture<Integer> later() {
            return new OwnFuture<>();
        }
    }

    @Test
    void aFutureOfItsOwnKindIsRefused() {
        assertThatThrownBy(() -> HandlerMethods.of("odd", ReturnsItsOwnFuture.class))
                .isInstanceOf(ProcessDefinitionException.class)
                .hasMessageContaining("returns OwnFuture").hasMessageContaining("CompletableFuture or CompletionStage");
    }

    static class ListensForEvents {
        @org.springframework.context.event.EventListener
        public void on(Object event) {
        }
    }

    static class Scheduled {
        @org.springframework.scheduling.annotation.Scheduled(fixedRate = 1000)
        public void tick() {
        }
    }

    @Test
    void containerCallbacksThatWouldBypassTheProcessAreRefused() {
        assertThatThrownBy(() -> HandlerMethods.of("listener", ListensForEvents.class))
                .isInstanceOf(ProcessDefinitionException.class).hasMessageContaining("@EventListener")
                .hasMessageContaining("outside the process");
        assertThatThrownBy(() -> HandlerMethods.of("ticker", Scheduled.class))
                .isInstanceOf(ProcessDefinitionException.class).hasMessageContaining("@Scheduled")
                .hasMessageContaining("@Info");
    }
}
