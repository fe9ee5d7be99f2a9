package io.otpspring.spring.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The process and supervisor beans found in the application's bean definitions, in definition order. */
final class ProcessCatalog {

    private final List<ProcessBean> processes;
    private final List<SupervisorBean> supervisors;
    private final Map<String, ProcessBean> processesByName = new LinkedHashMap<>();
    private final Map<String, SupervisorBean> supervisorsByName = new LinkedHashMap<>();

    ProcessCatalog(List<ProcessBean> processes, List<SupervisorBean> supervisors) {
        this.processes = List.copyOf(processes);
        this.supervisors = List.copyOf(supervisors);
        processes.forEach(process -> processesByName.put(process.name(), process));
        supervisors.forEach(supervisor -> supervisorsByName.put(supervisor.name(), supervisor));
    }

    List<ProcessBean> processes() {
        return processes;
    }

    List<SupervisorBean> supervisors() {
        return supervisors;
    }

    /** The process beans by name, in definition order. */
    Map<String, ProcessBean> processesByName() {
        return processesByName;
    }

    /** The supervisor beans by name, in definition order. */
    Map<String, SupervisorBean> supervisorsByName() {
        return supervisorsByName;
    }
}
