Feature: The eligibility rule on chain (资格核验) decides without discretion
  The rule "applicant-age" of the EligibilityRule contract admits applicants aged 18 to 150. It runs
  as a contract call, so its result is on chain with the transaction that produced it; an
  ineligible application ends without reaching an official.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: an applicant under 18 is not eligible
    Given li.na has received an application of 李小明, aged 17, for a "食品经营许可证"
    Then the case ends without a review task
    And the eligibility step shows eligible = false with its transaction on chain

  Scenario Outline: the age bound is 18
    Given li.na has received an application of 张三, aged <age>, for a "食品经营许可证"
    Then the eligibility step shows eligible = <eligible> with its transaction on chain

    Examples:
      | age | eligible |
      | 17  | false    |
      | 18  | true     |
