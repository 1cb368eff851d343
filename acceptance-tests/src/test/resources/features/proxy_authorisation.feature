Feature: 授权代办 (authorised proxy handling): an agent applies and follows a case for the applicant, as far as the chain allows
  An applicant may have an agent apply for a licence on their behalf (行政许可法 第二十九条第二款). The
  applicant authorises the agent with their own signature, for some services and a period (民法典 第一百六十五条);
  the authorisation is kept on chain. Every act of the agent is checked against the chain at that moment:
  out of scope, expired or revoked (第一百七十三条), it is refused with the reason. The case is the applicant's,
  and the applicant sees every act taken in their name with its transaction on chain.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: the agent applies, corrects the materials and the applicant sees every act in their name
    Given zhang.wei authorises huang.lei to handle "business-registration" for 30 days, signed with his own key
    When huang.lei submits a "business-registration" application on behalf of zhang.wei:
      | enterpriseName     | 成都蓉信代办科技有限公司 |
      | tradeName          | 蓉信代办                |
      | industry           | 软件和信息技术服务业      |
      | materialsSubmitted | 4                     |
    Then the case is zhang.wei's, started by huang.lei under the authorisation
    And the step "Activity_CheckMaterials" answers eligible = false with its transaction on chain
    And the case waits for corrections without any open task
    When huang.lei submits the corrections:
      | materialsSubmitted | 5 |
    Then the case waits at "Activity_OfficerReview" for a decision by the registration-officers
    When chen.jie decides APPROVE with the reasons "代理人已补正，材料齐全，准予登记。" signed with his own key
    Then the case ends at "EndEvent_Registered"
    And zhang.wei reads the case as its applicant
    And zhang.wei sees that huang.lei acted in his name: "start", "read the case", "send 'corrections-submitted'", each in a transaction on chain

  Scenario: the chain refuses an act outside the authorisation, and a grant not signed by the applicant
    Given zhang.wei authorises huang.lei to handle "relief-fund" for 30 days, signed with his own key
    When huang.lei submits a "real-estate-transfer" application on behalf of zhang.wei:
      | sellerName | 张伟 |
    Then the request is refused with code "PROXY-004" and the reason "service out of scope"
    When huang.lei sends an authorisation of zhang.wei for "real-estate-transfer" signed with his own key
    Then the request is refused with code "PROXY-007" and the reason "only the principal zhang.wei"
    When zhang.wei sends an authorisation for "real-estate-transfer" signed with huang.lei's key
    Then the request is refused with code "PROXY-006" and the reason "DOES_NOT_VERIFY"

  Scenario: once the applicant revokes the authorisation, the agent can no longer act and the applicant corrects himself
    Given zhang.wei authorises huang.lei to handle "business-registration" for 30 days, signed with his own key
    And huang.lei has submitted a "business-registration" application on behalf of zhang.wei:
      | enterpriseName     | 成都蓉易代办物流有限公司 |
      | tradeName          | 蓉易代办                |
      | industry           | 道路货物运输             |
      | materialsSubmitted | 4                     |
    And the case waits for corrections without any open task
    When zhang.wei revokes every authorisation he gave huang.lei, signed with his own key
    And huang.lei submits the corrections on behalf of zhang.wei:
      | materialsSubmitted | 5 |
    Then the request is refused with code "PROXY-003" and the reason "authorisation revoked"
    And huang.lei may not read the case: the chain says "authorisation revoked"
    When zhang.wei submits the corrections:
      | materialsSubmitted | 5 |
    Then the case waits at "Activity_OfficerReview" for a decision by the registration-officers
