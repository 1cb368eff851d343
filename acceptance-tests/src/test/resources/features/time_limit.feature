Feature: The statutory time limit (承诺办结时限) escalates an undecided case to the supervisors, unless the head extends it
  A registration decision is due within 3 working days (市场主体登记管理条例 第十九条); the model sets
  the limit as a timer on the officer's task, counted by the State Council's holiday notice: the day
  the task arrives is not counted and the limit ends at 24:00 Beijing time (民法典 第二百零一、二百零三条). When it passes, the task is withdrawn from the
  registration officers and the case goes to the head of the registry (supervisors), who decides and
  signs like any approver. In a complex case the officer may ask for the extension the article allows
  ("经登记机关负责人批准，可以再延长3个工作日"): the head decides it with a signed decision, once.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: nobody decides within the limit, the supervisor decides
    Given wang.fang has submitted a "business-registration" application of 赵六:
      | enterpriseName     | 北京青禾餐饮有限公司 |
      | tradeName          | 青禾               |
      | industry           | 餐饮业              |
      | materialsSubmitted | 5                  |
    And the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    Then the time limit of the task falls due at 24:00 in Beijing on the 3rd working day after the task was created
    When the time limit passes
    Then the case waits at "Activity_SupervisorReview" for a decision by the supervisors
    And chen.jie does not see the review task in his task list
    And zhao.lei sees the review task in his task list
    When zhao.lei decides APPROVE with the reasons "超期督办：材料齐全，准予登记。" signed with his own key
    Then the case ends at "EndEvent_Registered"
    And the step "Activity_IssueLicence" called LicenseRegistry.issue successfully

  Scenario: the officer asks for more time and the head of the registry extends the limit by 3 working days, once
    Given wang.fang has submitted a "business-registration" application of 孙七:
      | enterpriseName     | 北京远山建材有限公司 |
      | tradeName          | 远山               |
      | industry           | 批发业              |
      | materialsSubmitted | 5                  |
    And the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    When chen.jie asks for an extension of the time limit because "经营范围涉及前置审批，需核实许可文件"
    Then the case waits at "Activity_ApproveExtension" for a decision by the supervisors
    When zhao.lei decides APPROVE with the reasons "情形复杂，准予延长3个工作日。" signed with his own key
    Then the time limit falls due 3 working days after the last day of the limit it extends
    When chen.jie asks for an extension of the time limit because "仍需核实"
    Then the request is refused with status 409
    When the time limit passes
    Then the case waits at "Activity_SupervisorReview" for a decision by the supervisors
