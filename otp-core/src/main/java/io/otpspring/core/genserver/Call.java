package io.otpspring.core.genserver;

import io.otpspring.core.process.Awaited;

/** The envelope of a call: the request and where to put the reply. */
record Call(Object request, ReplySlot from) implements Awaited {

    @Override
    public void fail(RuntimeException error) {
        from.fail(error);
    }

    @Override
    public boolean isSettled() {
        return from.isSettled();
    }
}
