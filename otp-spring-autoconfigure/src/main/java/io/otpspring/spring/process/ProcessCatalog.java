package io.otpspring.spring.process;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The process and supervisor beans found in the application's bean definitions, in definition order. */
record ProcessCatalog(List<ProcessBean> processes, List<SupervisorBean> supervisors) {

    ProcessCatalog {
        processes = List.copyOf(processes);
        supervisors = List.copyOf(supervisors);
    }

    Map<String, ProcessBean> processesByName() {
        return processes.stream().collect(Collectors.toMap(ProcessBean::name, Function.identity()));
    }
}
