package io.otpspring.core.process;

/**
 * A name kept outside the node's own name table, such as a registry key: Erlang's
 * {@code {via, Module, Name}}. As a {@link ProcessRef} it is resolved each time it is used, so it
 * works wherever a pid does (send, call, link, monitor); as a spawn option or in a child spec,
 * every incarnation registers under it before its {@code init} runs.
 * Unlike a node-local name, a via name need not stay with a dead incarnation while its
 * supervisor restarts it: a registry frees its keys at once, so {@link #resolve()} may return
 * {@code null} during a restart and messages sent then become dead letters.
 */
public interface Via extends ProcessRef {

    /**
     * Registers {@code pid} under this name until it exits.
     *
     * @throws NameTakenException when another live process holds the name
     */
    void register(Pid pid);
}
