//! Types of pallet-governance: classes and their thresholds, proposals, tallies, votes and the
//! signed vote message.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, weights::Weight, BoundedVec, Deserialize, Serialize};
use scale_info::TypeInfo;
use sp_core::U256;
use sp_runtime::{PerThing, Perbill};

/// Identifier of a class (kind of protocol change).
pub type ClassId = u16;
/// Identifier of a proposal: monotonic, never reused.
pub type ProposalIndex = u32;
/// Per-(voter, proposal) nonce of signed vote messages.
pub type VoteNonce = u32;
/// The longest class name, in bytes.
pub type MaxClassNameLen = ConstU32<32>;

/// How a voter votes.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum VoteChoice {
	/// For the proposal.
	Aye,
	/// Against the proposal.
	Nay,
	/// Counts towards turnout only.
	Abstain,
}

/// The activation rule of a class, copied into each proposal when it is submitted.
///
/// A proposal is approved when all three hold at its voting end:
/// `aye / (aye + nay) >= min_approval`, `(aye + nay + abstain) / electorate >= min_turnout`
/// and `voters >= min_voters`. Both ratios are compared exactly (no rounding in the voters'
/// favour): a simple majority is therefore written as `Perbill::from_parts(500_000_001)`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub struct Thresholds {
	/// The least share of aye among aye and nay.
	pub min_approval: Perbill,
	/// The least share of the electorate (total supply at the snapshot) that voted at all.
	pub min_turnout: Perbill,
	/// The least number of distinct voters.
	pub min_voters: u32,
}

/// `value * ratio` as an exact 256-bit product scaled by `Perbill::ACCURACY`.
fn scaled(ratio: Perbill, value: U256) -> U256 {
	value.saturating_mul(U256::from(ratio.deconstruct()))
}

impl Thresholds {
	/// Whether `tally` meets these thresholds given an `electorate` (total supply at the
	/// snapshot). Pure, exact and overflow-free for any balances.
	///
	/// Nobody voting aye or nay is never an approval, whatever the thresholds; an empty electorate
	/// can never be approved either.
	pub fn approved<B: Into<u128> + Copy>(&self, tally: &Tally<B>, electorate: B) -> bool {
		let (aye, nay, abstain): (u128, u128, u128) =
			(tally.aye.into(), tally.nay.into(), tally.abstain.into());
		let electorate: u128 = electorate.into();
		if aye == 0 && nay == 0 || electorate == 0 || tally.voters < self.min_voters {
			return false;
		}
		// Exact in 256 bits: sums of three `u128` and products with `ACCURACY` cannot overflow.
		let accuracy = U256::from(Perbill::ACCURACY);
		let (aye, nay, abstain) = (U256::from(aye), U256::from(nay), U256::from(abstain));
		let decisive = aye + nay;
		aye * accuracy >= scaled(self.min_approval, decisive)
			&& (decisive + abstain) * accuracy >= scaled(self.min_turnout, U256::from(electorate))
	}

	/// Whether every threshold of `self` is at least as demanding as the same one of `other`.
	pub fn at_least_as_strict_as(&self, other: &Self) -> bool {
		self.min_approval >= other.min_approval
			&& self.min_turnout >= other.min_turnout
			&& self.min_voters >= other.min_voters
	}

	/// Whether the rule means what it says: `50% < min_approval <= 100%` (a rule that a tally of
	/// nays or a tie could meet approves against the voters) and `min_turnout <= 100%`.
	///
	/// A `Perbill` read from JSON (a chain spec) is not clamped: above 100% it would be stored
	/// and then fail to decode, so both ratios are checked against `ACCURACY` too.
	pub fn is_valid(&self) -> bool {
		let (approval, turnout) = (self.min_approval.deconstruct(), self.min_turnout.deconstruct());
		approval > Perbill::ACCURACY / 2
			&& approval <= Perbill::ACCURACY
			&& turnout <= Perbill::ACCURACY
	}
}

/// The origin an approved proposal's call is dispatched with.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum DispatchOrigin {
	/// `Root`: anything the runtime allows.
	Root,
	/// This pallet's origin `Approved { class }` of the proposal's own class: only what the
	/// runtime grants that class (for example the upgrades pallet grants "protocol upgrade").
	Class,
}

/// A class: one kind of protocol change and the rule it must meet to activate.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(
	crate = "frame_support::__private::serde",
	bound = "Balance: Serialize + for<'a> Deserialize<'a>, BlockNumber: Serialize + for<'a> Deserialize<'a>"
)]
pub struct ClassInfo<Balance, BlockNumber> {
	/// A human-readable name (UTF-8).
	pub name: BoundedVec<u8, MaxClassNameLen>,
	/// The activation rule.
	pub thresholds: Thresholds,
	/// How many blocks a proposal is open for voting.
	pub voting_period: BlockNumber,
	/// How many blocks after the voting end an approved call is dispatched.
	pub enactment_delay: BlockNumber,
	/// The deposit held from the proposer while the proposal is open.
	pub submission_deposit: Balance,
	/// The origin an approved call of this class is dispatched with.
	pub origin: DispatchOrigin,
}

impl<Balance, BlockNumber> ClassInfo<Balance, BlockNumber> {
	/// Whether a call that needs class `required` may be proposed under `self`: both dispatch
	/// with Root (a class of its own origin dispatches with an origin that only its own calls
	/// accept, so no other class can stand in for it) and every threshold at least as strict.
	pub fn can_stand_in_for(&self, required: &Self) -> bool {
		self.origin == DispatchOrigin::Root
			&& required.origin == DispatchOrigin::Root
			&& self.thresholds.at_least_as_strict_as(&required.thresholds)
	}

	/// Whether `self` and `other` may coexist on one chain: a class that dispatches with `Root`
	/// (which can do everything any class of its own origin can) must be at least as strict as
	/// every class dispatching with a class origin, so no weaker rule ever reaches Root. (Root classes are
	/// not compared with each other: any of them is above every other origin.)
	pub fn coexists_with(&self, other: &Self) -> bool {
		let root_ok = |a: &Self, b: &Self| {
			a.origin != DispatchOrigin::Root
				|| b.origin == DispatchOrigin::Root
				|| a.thresholds.at_least_as_strict_as(&b.thresholds)
		};
		root_ok(self, other) && root_ok(other, self)
	}
}

/// The running count of a proposal's votes, updated on every vote (so deciding is O(1)).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Tally<Balance> {
	/// Power voting aye.
	pub aye: Balance,
	/// Power voting nay.
	pub nay: Balance,
	/// Power voting abstain.
	pub abstain: Balance,
	/// Distinct voters.
	pub voters: u32,
}

impl<Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy> Tally<Balance> {
	/// Adds a vote.
	pub fn add(&mut self, vote: &Vote<Balance>) {
		let slot = self.slot(vote.choice);
		*slot = slot.saturating_add(vote.power);
		self.voters = self.voters.saturating_add(1);
	}

	/// Removes a vote added before.
	pub fn remove(&mut self, vote: &Vote<Balance>) {
		let slot = self.slot(vote.choice);
		*slot = slot.saturating_sub(vote.power);
		self.voters = self.voters.saturating_sub(1);
	}

	fn slot(&mut self, choice: VoteChoice) -> &mut Balance {
		match choice {
			VoteChoice::Aye => &mut self.aye,
			VoteChoice::Nay => &mut self.nay,
			VoteChoice::Abstain => &mut self.abstain,
		}
	}

	/// Whether no vote is counted.
	pub fn is_empty(&self) -> bool {
		self.voters == 0 && self.aye.is_zero() && self.nay.is_zero() && self.abstain.is_zero()
	}
}

/// A vote as stored: the choice and the voter's power at the proposal's snapshot.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct Vote<Balance> {
	/// The choice.
	pub choice: VoteChoice,
	/// The voter's power at the snapshot.
	pub power: Balance,
}

/// What is stored per (proposal, voter): the vote, if any, and the next signed-vote nonce.
///
/// One item for both, so a signed vote costs one read and one write; removing a vote keeps the
/// record while its nonce is non-zero, so an old signed message cannot be replayed.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct VoteRecord<Balance> {
	/// The counted vote.
	pub vote: Option<Vote<Balance>>,
	/// The least nonce the voter's next signed vote on this proposal may use.
	pub next_nonce: VoteNonce,
}

/// Where a proposal is in its life.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ProposalStatus<BlockNumber> {
	/// Open for votes until its voting end.
	Ongoing,
	/// Approved; its call is scheduled for `enact_at`.
	Approved {
		/// The block the call is dispatched in.
		enact_at: BlockNumber,
	},
	/// Not approved at its voting end.
	Rejected,
	/// Cancelled by the cancellation origin; the deposit was returned.
	Cancelled,
	/// Killed by the kill origin; the deposit was slashed.
	Killed,
	/// The approved call was dispatched (`ok`: whether it succeeded).
	Enacted {
		/// Whether the dispatch succeeded.
		ok: bool,
	},
	/// Approved, but the call was never dispatched: it could not be scheduled, its preimage was
	/// gone at the enactment block, or it weighed more than the weight set aside for it.
	NotEnacted,
}

impl<BlockNumber> ProposalStatus<BlockNumber> {
	/// Whether the proposal's life is over (nothing can change it any more; its votes and record
	/// may be cleared).
	pub fn is_finished(&self) -> bool {
		!matches!(self, ProposalStatus::Ongoing | ProposalStatus::Approved { .. })
	}
}

/// A proposal: the call, its class and rule (fixed at submission), the electorate and tally.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ProposalInfo<AccountId, Balance, BlockNumber, BoundedCall, Hash> {
	/// Who submitted it and holds the deposit.
	pub proposer: AccountId,
	/// The class it was submitted under.
	pub class: ClassId,
	/// The call (inline or a requested preimage).
	pub call: BoundedCall,
	/// The hash of the call's encoding, which signed vote messages commit to.
	pub call_hash: Hash,
	/// The call's dispatch weight, measured when it was submitted.
	pub call_weight: Weight,
	/// The origin the call is dispatched with if approved.
	pub origin: DispatchOrigin,
	/// The rule, copied from the class (or stricter) at submission; never changes.
	pub thresholds: Thresholds,
	/// Voting power and the electorate are read at the end of this block.
	pub snapshot: BlockNumber,
	/// The first block in which no vote is accepted; the proposal is decided at its start.
	pub voting_end: BlockNumber,
	/// Blocks from the voting end to the dispatch of an approved call.
	pub enactment_delay: BlockNumber,
	/// Total supply at the snapshot.
	pub electorate: Balance,
	/// The running tally.
	pub tally: Tally<Balance>,
	/// The deposit held from the proposer (zero once returned or slashed).
	pub deposit: Balance,
	/// Where the proposal is in its life.
	pub status: ProposalStatus<BlockNumber>,
}

/// The signed vote message, SCALE-encoded: these exact bytes (or the same wrapped in
/// `<Bytes>`...`</Bytes>`, as polkadot.js `signRaw` and extension wallets do) are signed.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct VotePayload<Hash> {
	/// [`VOTE_DOMAIN`]: not a transaction, not another protocol's message.
	pub domain: [u8; 16],
	/// The chain: its genesis block hash.
	pub genesis_hash: Hash,
	/// The pallet within the runtime: its index.
	pub pallet_index: u8,
	/// The proposal.
	pub proposal: ProposalIndex,
	/// The proposal's call hash: the voter saw what they vote on.
	pub call_hash: Hash,
	/// The choice.
	pub choice: VoteChoice,
	/// The voter's nonce for this proposal: exactly the next expected one.
	pub nonce: VoteNonce,
}

/// The domain tag at the start of every signed vote message.
pub const VOTE_DOMAIN: [u8; 16] = *b"MTC-GOV-VOTE/v1\0";

/// A vote signed off-chain by the voter, relayed by anyone.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct SignedVote<AccountId, Signature> {
	/// The voter (the owner address that signed).
	pub voter: AccountId,
	/// The choice.
	pub choice: VoteChoice,
	/// The voter's nonce for this proposal.
	pub nonce: VoteNonce,
	/// The signature over the [`VotePayload`] bytes (raw or `<Bytes>`-wrapped).
	pub signature: Signature,
}

/// Why a signed vote was not counted.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum SignedVoteRejection {
	/// The signature does not match the message for this chain, proposal, choice and nonce.
	BadSignature,
	/// The nonce was used already (or is lower than the next expected one).
	StaleNonce,
	/// The voter had no voting power at the proposal's snapshot.
	NoVotingPower,
	/// The nonce is above the next expected one (messages count in nonce order).
	FutureNonce,
	/// The nonce is `VoteNonce::MAX`: no nonce could follow it, so it is never accepted.
	NonceExhausted,
}

/// What the runtime API reports about a proposal.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ProposalSummary<Balance, BlockNumber, Hash> {
	/// The class.
	pub class: ClassId,
	/// The call hash signed vote messages commit to.
	pub call_hash: Hash,
	/// The snapshot block.
	pub snapshot: BlockNumber,
	/// The voting end.
	pub voting_end: BlockNumber,
	/// The rule.
	pub thresholds: Thresholds,
	/// Total supply at the snapshot.
	pub electorate: Balance,
	/// The current tally.
	pub tally: Tally<Balance>,
	/// Where it is in its life.
	pub status: ProposalStatus<BlockNumber>,
	/// Whether the tally as it stands would be approved.
	pub passing: bool,
	/// Voting has ended but no block was booked to decide it (its end block was full): anyone
	/// may decide it with `decide`.
	pub awaiting_decision: bool,
}

#[cfg(test)]
mod tests {
	use super::*;

	fn t(approval: u32, turnout: u32, voters: u32) -> Thresholds {
		Thresholds {
			min_approval: Perbill::from_parts(approval),
			min_turnout: Perbill::from_parts(turnout),
			min_voters: voters,
		}
	}

	fn tally(aye: u128, nay: u128, abstain: u128, voters: u32) -> Tally<u128> {
		Tally { aye, nay, abstain, voters }
	}

	const HALF_PLUS: u32 = 500_000_001;
	const TWO_THIRDS: u32 = 666_666_666;
	const TENTH: u32 = 100_000_000;
	const FIFTH: u32 = 200_000_000;
	const ALL: u32 = 1_000_000_000;

	#[test]
	fn approved_works_table() {
		let max = u128::MAX;
		#[rustfmt::skip]
		let cases: &[(Thresholds, Tally<u128>, u128, bool, &str)] = &[
			// Simple majority, 10% turnout.
			(t(HALF_PLUS, TENTH, 1), tally(51, 49, 0, 2), 1000, true, "51/100 with 10% turnout"),
			(t(HALF_PLUS, TENTH, 1), tally(50, 50, 0, 2), 1000, false, "a tie is not a majority"),
			(t(HALF_PLUS, TENTH, 1), tally(60, 39, 0, 2), 1000, false, "99 of 1000 is below 10%"),
			(t(HALF_PLUS, TENTH, 1), tally(60, 39, 1, 3), 1000, true, "abstain counts for turnout"),
			(t(HALF_PLUS, TENTH, 1), tally(0, 0, 500, 1), 1000, false, "only abstain: no approval"),
			// Two thirds, 20% turnout.
			(t(TWO_THIRDS, FIFTH, 1), tally(2, 1, 0, 2), 15, true, "exactly 2/3 and exactly 20%"),
			(t(TWO_THIRDS, FIFTH, 1), tally(2, 1, 0, 2), 16, false, "3 of 16 is below 20%"),
			(t(TWO_THIRDS, FIFTH, 1), tally(1999, 1001, 0, 2), 10_000, false, "just below 2/3"),
			(t(TWO_THIRDS, FIFTH, 1), tally(2000, 1000, 0, 2), 10_000, true, "2000/3000"),
			// Minimum voters.
			(t(0, 0, 3), tally(100, 0, 0, 2), 100, false, "two voters of three needed"),
			(t(0, 0, 3), tally(100, 0, 0, 3), 100, true, "three voters"),
			// Zero electorate and empty tally.
			(t(0, 0, 0), tally(0, 0, 0, 0), 0, false, "nothing at all"),
			(t(0, 0, 0), tally(1, 0, 0, 1), 0, false, "zero electorate"),
			(t(0, 0, 0), tally(1, 0, 0, 1), 1, true, "zero thresholds, one aye"),
			// Unanimity.
			(t(ALL, ALL, 1), tally(100, 0, 0, 1), 100, true, "everything, unanimous"),
			(t(ALL, ALL, 1), tally(100, 1, 0, 2), 101, false, "one nay breaks unanimity"),
			// Huge values: no overflow.
			(t(HALF_PLUS, TENTH, 1), tally(max / 2, max / 4, 0, 2), max, true, "huge majority"),
			(t(HALF_PLUS, TENTH, 1), tally(max / 2 + 1, max / 2, 0, 2), max, false, "within 1e-9"),
			(t(HALF_PLUS, TENTH, 1), tally(max / 2, max / 2, 1, 3), max, false, "huge tie"),
			(t(ALL, ALL, 1), tally(max, 0, 0, 1), max, true, "u128::MAX unanimous"),
			(t(TWO_THIRDS, ALL, 1), tally(max, max, max, 3), max, false, "exact sums, no saturation"),
			(t(HALF_PLUS, ALL, 1), tally(max, max - 1, 1, 3), max, false, "half plus one unit"),
		];
		for (thresholds, tally, electorate, expected, what) in cases {
			assert_eq!(thresholds.approved(tally, *electorate), *expected, "{what}");
		}
	}

	#[test]
	fn approved_is_monotonic_in_aye() {
		let rule = t(TWO_THIRDS, FIFTH, 1);
		let mut last = false;
		for aye in 0..=300u128 {
			let now = rule.approved(&tally(aye, 100, 0, 2), 1000);
			assert!(now || !last, "approval lost when aye grew to {aye}");
			last = now;
		}
		assert!(last);
	}

	#[test]
	fn at_least_as_strict_as_works() {
		let base = t(HALF_PLUS, TENTH, 1);
		assert!(base.at_least_as_strict_as(&base));
		assert!(t(TWO_THIRDS, FIFTH, 1).at_least_as_strict_as(&base));
		assert!(t(HALF_PLUS, TENTH, 5).at_least_as_strict_as(&base));
		assert!(!t(HALF_PLUS - 1, ALL, 9).at_least_as_strict_as(&base));
		assert!(!t(ALL, TENTH - 1, 9).at_least_as_strict_as(&base));
		assert!(!t(ALL, ALL, 0).at_least_as_strict_as(&base));
	}

	#[test]
	fn is_valid_works_table() {
		#[rustfmt::skip]
		let cases: &[(u32, u32, bool, &str)] = &[
			(HALF_PLUS, 0, true, "simple majority, no turnout"),
			(TWO_THIRDS, FIFTH, true, "two thirds, 20%"),
			(ALL, ALL, true, "unanimity, everyone"),
			(500_000_000, TENTH, false, "exactly half: a tie would pass"),
			(0, TENTH, false, "zero approval: a tally of nays would pass"),
			(ALL + 1, TENTH, false, "approval above 100% (from JSON)"),
			(HALF_PLUS, ALL + 1, false, "turnout above 100% (from JSON)"),
			(u32::MAX, u32::MAX, false, "both at the type's limit"),
		];
		for (approval, turnout, expected, what) in cases {
			// Built from parts without clamping, as serde does from a chain spec.
			let rule: Thresholds = serde_json::from_str(&alloc::format!(
				r#"{{"min_approval":{approval},"min_turnout":{turnout},"min_voters":0}}"#
			))
			.expect("thresholds deserialize");
			assert_eq!(rule.min_approval.deconstruct(), *approval, "{what}: not clamped");
			assert_eq!(rule.is_valid(), *expected, "{what}");
		}
	}

	fn class_of(approval: u32, turnout: u32, origin: DispatchOrigin) -> ClassInfo<u64, u64> {
		ClassInfo {
			name: BoundedVec::truncate_from(b"c".to_vec()),
			thresholds: t(approval, turnout, 1),
			voting_period: 10,
			enactment_delay: 1,
			submission_deposit: 1,
			origin,
		}
	}

	#[test]
	fn coexists_with_works_table() {
		use DispatchOrigin::{Class, Root};
		#[rustfmt::skip]
		type Info = ClassInfo<u64, u64>;
		let cases: &[(Info, Info, bool, &str)] = &[
			(
				class_of(TWO_THIRDS, FIFTH, Root),
				class_of(TWO_THIRDS, FIFTH, Class),
				true,
				"root as strict as upgrade",
			),
			(
				class_of(TWO_THIRDS, FIFTH, Root),
				class_of(HALF_PLUS, TENTH, Class),
				true,
				"root stricter",
			),
			(
				class_of(HALF_PLUS, FIFTH, Root),
				class_of(TWO_THIRDS, FIFTH, Class),
				false,
				"root below on approval",
			),
			(
				class_of(TWO_THIRDS, TENTH, Root),
				class_of(TWO_THIRDS, FIFTH, Class),
				false,
				"root below on turnout",
			),
			(
				class_of(TWO_THIRDS, FIFTH, Root),
				class_of(TWO_THIRDS, FIFTH, Root),
				true,
				"two equal roots",
			),
			(
				class_of(TWO_THIRDS, FIFTH, Root),
				class_of(ALL, FIFTH, Root),
				true,
				"two unequal roots",
			),
			(
				class_of(HALF_PLUS, TENTH, Class),
				class_of(ALL, ALL, Class),
				true,
				"no root: anything goes",
			),
		];
		for (a, b, expected, what) in cases {
			assert_eq!(a.coexists_with(b), *expected, "{what}");
			assert_eq!(b.coexists_with(a), *expected, "{what} (symmetric)");
		}
		// Fewer voters also make a class weaker.
		let mut few = class_of(TWO_THIRDS, FIFTH, Root);
		few.thresholds.min_voters = 0;
		assert!(!few.coexists_with(&class_of(TWO_THIRDS, FIFTH, Class)));
	}

	#[test]
	fn tally_add_remove_works() {
		let mut tally = Tally::<u128>::default();
		let a = Vote { choice: VoteChoice::Aye, power: 10 };
		let n = Vote { choice: VoteChoice::Nay, power: 4 };
		let x = Vote { choice: VoteChoice::Abstain, power: 1 };
		tally.add(&a);
		tally.add(&n);
		tally.add(&x);
		assert_eq!(tally, Tally { aye: 10, nay: 4, abstain: 1, voters: 3 });
		tally.remove(&n);
		tally.remove(&a);
		tally.remove(&x);
		assert!(tally.is_empty());
	}
}
