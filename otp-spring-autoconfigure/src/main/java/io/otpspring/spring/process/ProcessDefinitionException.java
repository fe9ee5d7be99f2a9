package io.otpspring.spring.process;

import org.springframework.beans.FatalBeanException;

/**
 * A process bean the application cannot run as declared: the message names the beans and the fix.
 * Thrown while the context starts, so that misuse never reaches production.
 */
public class ProcessDefinitionException extends FatalBeanException {

    private static final long serialVersionUID = 1L;

    public ProcessDefinitionException(String message) {
        super(message);
    }
}
