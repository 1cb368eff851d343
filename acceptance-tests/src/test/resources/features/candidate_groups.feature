Feature: Only the candidate group of a review task sees and decides it
  The review of a licence application is for the licensing officers (group licensing-officers:
  王芳 wang.fang, 李娜 li.na). 赵磊 (zhao.lei) is a supervisor (group supervisors): he is no
  candidate, on our API or on Camunda's.

  Background:
    Given the ApprovalChain engine is running with its demo users
    And li.na has received an application of 张三, aged 30, for a "食品经营许可证"
    And the application waits for review by the licensing officers

  Scenario: the licensing officers see the review task, a supervisor does not
    Then wang.fang sees the review task in her task list
    And li.na sees the review task in her task list
    But zhao.lei does not see the review task in his task list
    And zhao.lei does not see the review task in Camunda's task list either

  Scenario: a supervisor cannot decide the review task
    When zhao.lei asks for the payload to approve the review task
    Then the decision is refused with status 403 and the reason "neither the assignee nor a candidate"
    When zhao.lei submits wang.fang's approval payload signed with his own key
    Then the decision is refused with status 403 and the reason "neither the assignee nor a candidate"
    When zhao.lei completes the review task through Camunda's REST API
    Then Camunda refuses it
    And the review task is still open
