package io.otpspring.core.genserver;

import io.otpspring.core.process.Behavior;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.Exit;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.telemetry.MessageKind;

/**
 * Runs a {@link GenServer} as a process: unwraps calls and casts, answers calls, and stops when
 * its supervisor's exit arrives as a trapped {@link Exit}.
 */
final class GenServerBehavior implements Behavior {

    private final GenServer server;
    private ProcessContext self;

    GenServerBehavior(GenServer server) {
        this.server = server;
    }

    @Override
    public void init(ProcessContext self) throws Exception {
        this.self = self;
        server.init(self);
    }

    @Override
    public void handle(Object message) throws Exception {
        if (message instanceof Call call) {
            handleCall(call);
        }
        else if (message instanceof Cast cast) {
            server.handleCast(cast.message());
        }
        else if (message instanceof Exit exit && isFromParent(exit)) {
            self.stop(exit.reason());
        }
        else {
            server.handleInfo(message);
        }
    }

    private boolean isFromParent(Exit exit) {
        return exit.from() != null && exit.from().equals(self.parent());
    }

    private void handleCall(Call call) throws Exception {
        ReplySlot from = call.from();
        from.countLateRepliesIn(self.node().deadLetters());
        Reply reply = server.handleCall(call.request(), from);
        if (!self.self().isAlive()) {
            answerFromKilledProcess(call);
        }
        else if (reply instanceof Reply.Value value) {
            from.reply(value.value());
        }
        else if (reply instanceof Reply.Stop stop) {
            if (stop.replies()) {
                from.reply(stop.value());
            }
            self.stop(stop.reason());
        }
        else if (reply == Reply.Later.INSTANCE) {
            self.awaitAnswer(from);
        }
        else {
            throw new IllegalStateException(server.getClass().getName()
                    + ".handleCall returned null for " + call.request() + "; return Reply.of(null) to reply null");
        }
    }

    /**
     * The handler finished after its process was killed: the reply cannot come from a dead
     * process, so the caller learns the exit instead and the answer is counted.
     */
    private void answerFromKilledProcess(Call call) {
        Pid pid = self.self();
        ExitReason reason = self.node().exitReason(pid);
        call.from().fail(new ExitException(pid, reason == null ? ExitReason.KILLED : reason));
        self.node().deadLetters().publish(new DeadLetter(pid, call.request(), DeadLetter.Cause.FROM_KILLED_PROCESS));
    }

    @Override
    public void terminate(ExitReason reason) throws Exception {
        server.terminate(reason);
    }

    @Override
    public MessageKind kindOf(Object message) {
        return message instanceof Call ? MessageKind.CALL : message instanceof Cast ? MessageKind.CAST : MessageKind.INFO;
    }

    @Override
    public Object payloadOf(Object message) {
        return message instanceof Call call ? call.request() : message instanceof Cast cast ? cast.message() : message;
    }
}
