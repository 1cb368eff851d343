package org.approvalchain.engine.proxy.camunda;

import org.approvalchain.engine.proxy.Services;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** The services are Camunda's deployed process definitions. */
@Component
class DeployedServices implements Services {

    private final RepositoryService repository;

    DeployedServices(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public boolean deployed(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }
}
