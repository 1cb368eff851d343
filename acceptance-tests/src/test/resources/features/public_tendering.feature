Feature: 项目公开招标 可信可查 (public-tendering, tender-bid): sealed bids, a signing committee, a published award
  The tendering officer publishes the tender on chain with its bid deadline (招标投标法实施条例 第十五条).
  Each bidder hands in a sealed bid in their own case: only a commitment (a hash of the bidder, the price
  and a secret salt) goes on chain, and the chain refuses a bid after the deadline (招标投标法 第二十八条).
  At the opening the bidders hand in price and salt; the chain checks them against the commitment and
  refuses a reveal that does not match. With fewer than 3 bids nothing is opened and the tender must be
  held again (实施条例 第四十四条). Each member of the evaluation committee signs their own evaluation,
  with a score for every opened bid (第四十九条, 第五十三条); two signed evaluations of the three seats
  close the round. The engine publishes each bid's mean score and the award on chain, and every bidder
  checks, without logging in, that their bid was counted. The committee's commitment of 5 working days
  is a published 承诺时限, not a statutory limit (docs/legal-basis.md §10): past it the supervisors decide.

  Background:
    Given the ApprovalChain engine is running with its demo users

  Scenario: three sealed bids, two members sign their scores, the best-scored bid is awarded and each bidder finds theirs
    Given gao.feng has published the tender "某区政务服务中心改造工程" with bids due in 45 seconds and the opening closing 40 seconds later
    When he.bo hands in a sealed bid of 980000 yuan for 甲建设有限公司
    And song.yu hands in a sealed bid of 1020000 yuan for 乙建设有限公司
    And xie.ning hands in a sealed bid of 1050000 yuan for 丙建设有限公司
    Then the chain accepted he.bo's sealed bid before the deadline
    And the chain accepted song.yu's sealed bid before the deadline
    And the chain accepted xie.ning's sealed bid before the deadline
    When the bid deadline passes
    And he.bo reveals the bid at the opening
    And song.yu reveals the bid at the opening
    And xie.ning reveals the bid at the opening
    Then he.bo's bid is opened
    And song.yu's bid is opened
    And xie.ning's bid is opened
    And the evaluation committee has 3 seats open for the tender-evaluators
    When ma.jun asks to sign an evaluation with the scores:
      | he.bo   | 80 |
      | song.yu | 90 |
    Then the request is refused with status 400 and the code DECISION-009
    When ma.jun signs his evaluation with the scores:
      | he.bo    | 80 |
      | song.yu  | 90 |
      | xie.ning | 70 |
    And luo.yi signs his evaluation with the scores:
      | he.bo    | 85 |
      | song.yu  | 87 |
      | xie.ning | 75 |
    Then the round closes with 2 signed evaluations and the last seat is withdrawn
    And the chain published the score 89 for song.yu's bid from 2 signed evaluations
    And the tender is awarded to song.yu's bid and published on chain
    And he.bo checks, without logging in and with the commitment he kept, that the bid was counted: opened, scored 83, not awarded
    And xie.ning checks, without logging in and with the commitment he kept, that the bid was counted: opened, scored 73, not awarded
    And anyone checking he.bo's bid with another commitment finds no such bid

  Scenario: a late bid is refused by the chain, a reveal that does not match is refused and corrected, the committee runs out of time
    Given gao.feng has published the tender "某区道路照明改造工程" with bids due in 45 seconds and the opening closing 40 seconds later
    When he.bo hands in a sealed bid of 500000 yuan for 甲建设有限公司
    And song.yu hands in a sealed bid of 520000 yuan for 乙建设有限公司
    And xie.ning hands in a sealed bid of 510000 yuan for 丙建设有限公司
    And the bid deadline passes
    And fan.li hands in a sealed bid of 490000 yuan for 丁建设有限公司
    Then the chain refused fan.li's bid with the reason "TenderRegistry: bidding closed at the bid deadline"
    When he.bo reveals the bid at the opening with the price 480000 yuan
    Then the chain refused he.bo's reveal with the reason "TenderRegistry: reveal does not match the commitment"
    When he.bo reveals the bid at the opening
    And song.yu reveals the bid at the opening
    And xie.ning reveals the bid at the opening
    Then he.bo's bid is opened
    And the evaluation committee has 3 seats open for the tender-evaluators
    And the time limit of the task falls due at 24:00 in Beijing on the 5th working day after the task was created
    When the time limit passes
    Then the case waits at "Activity_OverdueReview" for a decision by the supervisors
    When zhao.lei decides REJECT with the reasons "评标委员会未在承诺时限内完成评标，依法重新招标。" signed with his own key
    Then the case ends at "EndEvent_EvaluationFailed"

  Scenario: with fewer than 3 bids the tender is not opened and must be held again
    Given gao.feng has published the tender "某街道办公设备采购" with bids due in 40 seconds and the opening closing 10 seconds later
    When he.bo hands in a sealed bid of 120000 yuan for 甲科技有限公司
    And song.yu hands in a sealed bid of 118000 yuan for 乙科技有限公司
    And the bid deadline passes
    And he.bo reveals the bid at the opening
    Then the chain refused he.bo's reveal with the reason "TenderRegistry: fewer than 3 bids, the tender may not be opened"
    And at the opening the tender ends at "EndEvent_ReTender" with 2 bids handed in and none opened
