package io.cocogen.cli;

import io.cocogen.incentive.SharingRule;

/** The {@code --rule} values: how the welfare surplus is shared. */
enum RuleOption {
  contribution(SharingRule.CONTRIBUTION_AND_DEGRADATION),
  equal(SharingRule.EQUAL),
  shapley(SharingRule.SHAPLEY);

  private final SharingRule rule;

  RuleOption(SharingRule rule) {
    this.rule = rule;
  }

  SharingRule rule() {
    return rule;
  }
}
