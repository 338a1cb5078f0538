package dev.aftersales.platform.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.ConfigurablePropertyAccessor;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ExtendedServletRequestDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * How the pages' form records are bound. When a typed value cannot be read into its field ({@code reason=FOO},
 * {@code units[3]=abc}), Spring still builds the form (with {@code null} for that field), but the list of field
 * errors it keeps was started before the form existed and never learns of it: the controller could not add a
 * reason of its own next to a field, and the page could not show the form again. Here the list of errors always
 * refers to the form that was built, so a form with an unreadable value is shown again like any refused form: the
 * reason next to the field, what was typed kept.
 */
public final class FormBinding {

    private FormBinding() {
    }

    /** The handler adapter of the pages and the API, with this binding. */
    public static RequestMappingHandlerAdapter handlerAdapter() {
        return new RequestMappingHandlerAdapter() {
            @Override
            protected ServletRequestDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> methods) {
                return new ServletRequestDataBinderFactory(methods, getWebBindingInitializer()) {
                    @Override
                    protected org.springframework.web.bind.ServletRequestDataBinder createBinderInstance(
                            Object target, String name, NativeWebRequest request) {
                        return new Binder(target, name);
                    }
                };
            }
        };
    }

    /** A binder whose errors refer to the form it builds, also when the first error came before the form. */
    static final class Binder extends ExtendedServletRequestDataBinder {

        private org.springframework.validation.MessageCodesResolver codes;

        Binder(Object target, String name) {
            super(target, name);
        }

        @Override
        public void setMessageCodesResolver(org.springframework.validation.MessageCodesResolver resolver) {
            super.setMessageCodesResolver(resolver);
            this.codes = resolver;
        }

        @Override
        protected AbstractPropertyBindingResult createBeanPropertyBindingResult() {
            if (getTarget() != null) {
                return super.createBeanPropertyBindingResult();
            }
            LateTarget result = new LateTarget(this::getTarget, getObjectName(), isAutoGrowNestedPaths(),
                    getAutoGrowCollectionLimit());
            if (getConversionService() != null) {
                result.initConversion(getConversionService());
            }
            if (codes != null) {
                result.setMessageCodesResolver(codes);
            }
            return result;
        }
    }

    /** Field errors of a form that the binder builds after the first error was recorded. */
    static final class LateTarget extends AbstractPropertyBindingResult {

        private final transient Supplier<Object> target;
        private final boolean autoGrow;
        private final int autoGrowLimit;
        private transient BeanWrapper wrapper;

        LateTarget(Supplier<Object> target, String objectName, boolean autoGrow, int autoGrowLimit) {
            super(objectName);
            this.target = target;
            this.autoGrow = autoGrow;
            this.autoGrowLimit = autoGrowLimit;
        }

        @Override
        public Object getTarget() {
            return target == null ? null : target.get();
        }

        @Override
        public ConfigurablePropertyAccessor getPropertyAccessor() {
            Object current = getTarget();
            if (current == null) {
                throw new IllegalStateException("The form " + getObjectName() + " was not built");
            }
            if (wrapper == null || wrapper.getWrappedInstance() != current) {
                wrapper = PropertyAccessorFactory.forBeanPropertyAccess(current);
                wrapper.setExtractOldValueForEditor(true);
                wrapper.setAutoGrowNestedPaths(autoGrow);
                wrapper.setAutoGrowCollectionLimit(autoGrowLimit);
            }
            return wrapper;
        }
    }
}
