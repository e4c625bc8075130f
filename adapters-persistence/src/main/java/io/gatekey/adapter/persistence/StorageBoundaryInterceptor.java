package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;

/** Turns connection failures, however deeply wrapped, into the one error type the doors answer with 503. */
@Singleton
final class StorageBoundaryInterceptor implements MethodInterceptor<Object, Object> {

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            return context.proceed();
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (SqlErrors.isConnectionFailure(e)) {
                throw new StorageUnavailableException("the database is unavailable", e);
            }
            throw e;
        }
    }
}
