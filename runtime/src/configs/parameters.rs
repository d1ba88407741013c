//! `Parameters` (pallet-parameters): the low-risk runtime parameters that a **parameter-change**
//! proposal (simple majority, 10% turnout) may set, and nothing else may.
//!
//! Each parameter is read through a bounded getter: whatever value a proposal stores, the runtime
//! uses it clamped to a documented safe range, so a parameter change can tune the chain but never
//! stop it (fees that nobody could pay, fee-less votes that crowd out paid ones). The class
//! rules, voting periods, deposits and upgrade rules are not parameters: they stay with the
//! protocol-upgrade class.

use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	traits::{AsEnsureOriginWithArg, ConstU16, Get},
};
use pallet_governance::EnsureClass;

use super::governance::classes::PARAMETER_CHANGE;
use crate::{Balance, Runtime, RuntimeEvent, EXISTENTIAL_DEPOSIT, MICRO_MTC, MTC};

/// The parameters, their storage keys and their defaults (used until a proposal sets them).
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// Transaction fees.
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod fees {
		/// The price of one byte of a transaction (plancks); see [`super::super::ByteFee`].
		#[codec(index = 0)]
		pub static TransactionByteFee: Balance = MICRO_MTC;
	}

	/// The limits of fee-less votes.
	#[dynamic_pallet_params]
	#[codec(index = 1)]
	pub mod feeless_votes {
		/// Most fee-less votes in one block; see [`super::super::MaxFeelessVotesPerBlock`].
		#[codec(index = 0)]
		pub static MaxPerBlock: u32 = 80;
		/// The least power a fee-less vote needs; see [`super::super::MinFeelessPower`].
		#[codec(index = 1)]
		pub static MinPower: Balance = MTC;
	}
}

/// Benchmarks of pallet-parameters set the longest parameter.
#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::FeelessVotes(dynamic_params::feeless_votes::Parameters::MinPower(
			dynamic_params::feeless_votes::MinPower,
			Some(MTC),
		))
	}
}

/// The safe range of the byte fee: a tenth to a hundred times the default.
pub const BYTE_FEE_RANGE: (Balance, Balance) = (MICRO_MTC / 10, 100 * MICRO_MTC);
/// The safe range of fee-less votes per block: none (switched off) to 160 (under 4% of a
/// block's weight; a runtime test checks it).
pub const FEELESS_PER_BLOCK_RANGE: (u32, u32) = (0, 160);
/// The safe range of the least power of a fee-less vote: one existential deposit to 1,000 MTC.
pub const MIN_FEELESS_POWER_RANGE: (Balance, Balance) = (EXISTENTIAL_DEPOSIT, 1_000 * MTC);

/// The byte fee in use: the parameter, clamped to [`BYTE_FEE_RANGE`].
pub struct ByteFee;
impl Get<Balance> for ByteFee {
	fn get() -> Balance {
		dynamic_params::fees::TransactionByteFee::get().clamp(BYTE_FEE_RANGE.0, BYTE_FEE_RANGE.1)
	}
}

/// Fee-less votes per block in use: the parameter, clamped to [`FEELESS_PER_BLOCK_RANGE`].
pub struct MaxFeelessVotesPerBlock;
impl Get<u32> for MaxFeelessVotesPerBlock {
	fn get() -> u32 {
		dynamic_params::feeless_votes::MaxPerBlock::get()
			.clamp(FEELESS_PER_BLOCK_RANGE.0, FEELESS_PER_BLOCK_RANGE.1)
	}
}

/// The least power of a fee-less vote in use: the parameter, clamped to
/// [`MIN_FEELESS_POWER_RANGE`].
pub struct MinFeelessPower;
impl Get<Balance> for MinFeelessPower {
	fn get() -> Balance {
		dynamic_params::feeless_votes::MinPower::get()
			.clamp(MIN_FEELESS_POWER_RANGE.0, MIN_FEELESS_POWER_RANGE.1)
	}
}

impl pallet_parameters::Config for Runtime {
	/// The overarching event type.
	type RuntimeEvent = RuntimeEvent;
	/// See [`dynamic_params`].
	type RuntimeParameters = RuntimeParameters;
	/// Only an approved parameter-change proposal sets parameters (every key).
	type AdminOrigin = AsEnsureOriginWithArg<EnsureClass<ConstU16<PARAMETER_CHANGE>>>;
	/// Measured on this runtime by `scripts/weights.sh pallet_parameters`.
	type WeightInfo = crate::weights::pallet_parameters::WeightInfo<Runtime>;
}
