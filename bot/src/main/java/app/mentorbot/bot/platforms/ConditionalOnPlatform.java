package app.mentorbot.bot.platforms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * On when {@code mentorbot.adapters.<value>.enabled=true} or any school has its own block under
 * {@code mentorbot.adapters.<value>.schools}: the deployment's app may be off while schools have theirs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnPlatform.Check.class)
@interface ConditionalOnPlatform {
    /** The platform's settings name, e.g. "dingtalk". */
    String value();

    final class Check extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String platform = (String) metadata.getAnnotationAttributes(ConditionalOnPlatform.class.getName()).get("value");
            return SchoolBlocks.configured(context.getEnvironment(), platform)
                    ? ConditionOutcome.match(platform + " is on for the deployment or a school")
                    : ConditionOutcome.noMatch(platform + " is off and no school has a block for it");
        }
    }
}
